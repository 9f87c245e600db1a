/* Lantu charts: ECharts served by the app (WebJar). Every chart can be saved as an image and shown as data. */
(function () {
  'use strict';
  var EN = (document.documentElement.lang || '').toLowerCase().indexOf('en') === 0;
  var T = EN ? {
    save: 'Save as image', data: 'View data', dataView: ['Data view', 'Close', 'Refresh'], expected: 'Expected (schedule)',
    observed: 'Observed', target: 'Target', projection: 'Projection', band: 'Projection band', bandLow: 'Projection band (low)',
    progressTitle: ': progress against time schedule', schedule: 'Time schedule', progress: 'Progress', estimate: ' (estimate)',
    status: { '提前实现': 'Achieved early', '快于预期': 'Ahead', '基本符合预期': 'On track', '滞后于预期': 'Lagging', '严重滞后': 'Severely lagging', '暂无数据': 'No data' }
  } : {
    save: '保存为图片', data: '查看数据', dataView: ['数据视图', '关闭', '刷新'], expected: '序时预期', observed: '实际值',
    target: '目标值', projection: '预测值', band: '预测区间', bandLow: '预测区间下限', progressTitle: '：完成进度与序时进度',
    schedule: '序时进度', progress: '完成进度', estimate: '（预计）', status: {}
  };
  function st(label) { return T.status[label] || label; }
  var TOOLBOX = { feature: { saveAsImage: { title: T.save }, dataView: { title: T.data, readOnly: true, lang: T.dataView } } };

  function fmt(v, digits) {
    if (v === null || v === undefined) { return '—'; }
    return Number(v).toFixed(digits === undefined ? 2 : digits).replace(/\.?0+$/, '');
  }
  function pct(v) { return v === null || v === undefined ? '—' : (v * 100).toFixed(1) + '%'; }

  function indicatorChart(el) {
    var t = JSON.parse(el.getAttribute('data-timeline'));
    var name = el.getAttribute('data-name') || '';
    var years = t.points.map(function (p) { return String(p.year); });
    var option;
    if (t.valueChart) {
      var expected = t.points.map(function (p) { return p.expected; });
      var observed = t.points.map(function (p) { return p.observed; });
      var series = [
        { name: T.expected, type: 'line', data: expected, lineStyle: { type: 'dashed' }, symbol: 'none' },
        { name: T.observed, type: 'line', data: observed, connectNulls: false, label: { show: true } }
      ];
      if (t.targetValue !== null) {
        series.push({ name: T.target, type: 'line', data: years.map(function () { return t.targetValue; }),
          lineStyle: { type: 'dotted', color: '#a61b1b' }, symbol: 'none' });
      }
      if (t.projection !== null) {
        var proj = years.map(function (y) { return Number(y) === t.targetYear ? t.projection : null; });
        series.push({ name: T.projection, type: 'scatter', data: proj, symbolSize: 12 });
        if (t.projectionLow !== null && t.projectionHigh !== null) {
          series.push({ name: T.band, type: 'line', data: years.map(function (y) {
            return Number(y) === t.targetYear ? t.projectionHigh : null; }), symbol: 'triangle', lineStyle: { opacity: 0 } });
          series.push({ name: T.bandLow, type: 'line', data: years.map(function (y) {
            return Number(y) === t.targetYear ? t.projectionLow : null; }), symbol: 'triangle', lineStyle: { opacity: 0 } });
        }
      }
      option = { title: { text: name + (t.unit ? '（' + t.unit + '）' : ''), textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' }, legend: { top: 24 }, toolbox: TOOLBOX, grid: { top: 64 },
        xAxis: { type: 'category', data: years }, yAxis: { type: 'value', scale: true }, series: series };
    } else {
      option = { title: { text: name + T.progressTitle, textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null ? '—' : v.toFixed(1) + '%'; } },
        legend: { top: 24 }, toolbox: TOOLBOX, grid: { top: 64 },
        xAxis: { type: 'category', data: years },
        yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
        series: [
          { name: T.schedule, type: 'line', lineStyle: { type: 'dashed' },
            data: t.points.map(function (p) { return p.elapsed === null ? null : p.elapsed * 100; }) },
          { name: T.progress, type: 'bar',
            data: t.points.map(function (p) { return p.observed === null || p.progress === null ? null : p.progress * 100; }) }
        ] };
    }
    echarts.init(el, null, { renderer: 'canvas' }).setOption(option);
    var body = document.getElementById('chart-data-body');
    if (body) {
      t.points.forEach(function (p) {
        var tr = document.createElement('tr');
        // the year's own reading apart; then the compared pair in the same terms (never a year's rate beside a
        // multi-year expectation), then progress against the time schedule
        [String(p.year), fmt(p.observed) + (p.observed !== null && p.estimate ? T.estimate : ''),
          (EN ? p.achievedTextEn : p.achievedText) || '—', (EN ? p.expectedTextEn : p.expectedText) || (t.valueChart ? fmt(p.expected) : '—'), pct(p.progress), st(p.status)]
          .forEach(function (c) { var td = document.createElement('td'); td.textContent = c; tr.appendChild(td); });
        body.appendChild(tr);
      });
    }
  }

  // The cockpit's full-screen mode (a leader's display): dark theme, larger type, no title or toolbox (the panel
  // heading names the chart), every category label shown.
  var SCREEN = document.body.classList.contains('cockpit-screen');
  var FONT = SCREEN ? 16 : 12;
  function cockpitChart(el) {
    var chart = echarts.init(el, SCREEN ? 'dark' : null);
    // data-rendered: drawn and animated (what a screenshot or a test waits for)
    chart.on('finished', function () { el.setAttribute('data-rendered', 'true'); });
    return chart;
  }
  function common(el) {
    return SCREEN ? { backgroundColor: 'transparent', textStyle: { fontSize: FONT } }
      : { title: { text: el.getAttribute('data-title') || '', textStyle: { fontSize: 14 } }, toolbox: TOOLBOX };
  }
  function merge(a, b) { Object.keys(b).forEach(function (k) { a[k] = b[k]; }); return a; }

  function statusChart(el) {
    var d = JSON.parse(el.getAttribute('data-counts'));
    var colors = { '提前实现': '#1b5e20', '快于预期': '#2e7d32', '基本符合预期': '#558b2f', '滞后于预期': '#f9a825', '严重滞后': '#c62828', '暂无数据': '#9e9e9e' };
    cockpitChart(el).setOption(merge(common(el), {
      tooltip: {}, grid: SCREEN ? { top: 28, left: 8, right: 8, bottom: 8, containLabel: true } : { top: 60 },
      xAxis: { type: 'category', data: d.map(function (x) { return st(x.label); }),
        axisLabel: { interval: 0, fontSize: FONT, width: SCREEN ? 140 : 90, overflow: 'break' } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: FONT } },
      series: [{ type: 'bar', label: { show: true, position: 'top', fontSize: SCREEN ? 20 : 12 },
        data: d.map(function (x) { return { value: x.count, itemStyle: { color: colors[x.label] } }; }) }] }));
  }

  function barChart(el) {
    var d = JSON.parse(el.getAttribute('data-bars'));
    var unit = d.unit ? '{value}' + d.unit : '{value}';
    // on the screen, type as large as the rows allow (a smaller display gets smaller labels, never overlapping ones)
    var FONT = SCREEN ? Math.max(11, Math.min(16, Math.floor((el.clientHeight - 70) / Math.max(1, d.categories.length) * 0.6))) : 12;
    cockpitChart(el).setOption(merge(common(el), {
      tooltip: { trigger: 'axis' }, legend: { top: SCREEN ? 0 : 24, left: SCREEN ? 0 : 'center', textStyle: { fontSize: FONT } },
      grid: { top: SCREEN ? 52 : 72, left: 8, right: 72, bottom: 8, containLabel: true },
      // interval 0: every domain gets its label (ECharts would otherwise drop every other one when crowded)
      yAxis: { type: 'category', data: d.categories, inverse: true,
        axisLabel: { interval: 0, fontSize: FONT, width: SCREEN ? 190 : 130, overflow: 'break', lineHeight: FONT + 2 } },
      xAxis: { type: 'value', axisLabel: { formatter: unit, fontSize: FONT },
        max: d.unit === '%' ? function (v) { return Math.max(100, Math.ceil(v.max / 10) * 10); } : null },
      series: d.series.map(function (s, i) {
        var bar = { name: s.name, type: 'bar', data: s.data, barMaxWidth: SCREEN ? 22 : 16,
          label: { show: true, position: 'right', fontSize: FONT, formatter: d.unit ? '{c}' + d.unit : '{c}' } };
        if (i === 0 && d.schedule) {
          bar.markLine = { silent: true, symbol: 'none', lineStyle: { type: 'dashed', width: 2, color: '#ff7043' },
            label: { position: 'start', fontSize: FONT, color: '#ff7043', formatter: d.schedule.name + ' ' + d.schedule.value + (d.unit || '') },
            data: [{ xAxis: d.schedule.value }] };
        }
        return bar;
      }) }));
  }

  document.querySelectorAll('[data-timeline]').forEach(indicatorChart);
  document.querySelectorAll('[data-counts]').forEach(statusChart);
  document.querySelectorAll('[data-bars]').forEach(barChart);
  window.addEventListener('resize', function () {
    document.querySelectorAll('[_echarts_instance_]').forEach(function (el) { echarts.getInstanceByDom(el).resize(); });
  });
})();
