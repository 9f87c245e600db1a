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
          p.achievedText || '—', p.expectedText || (t.valueChart ? fmt(p.expected) : '—'), pct(p.progress), st(p.status)]
          .forEach(function (c) { var td = document.createElement('td'); td.textContent = c; tr.appendChild(td); });
        body.appendChild(tr);
      });
    }
  }

  function statusChart(el) {
    var d = JSON.parse(el.getAttribute('data-counts'));
    var colors = { '提前实现': '#1b5e20', '快于预期': '#2e7d32', '基本符合预期': '#558b2f', '滞后于预期': '#f9a825', '严重滞后': '#c62828', '暂无数据': '#9e9e9e' };
    echarts.init(el).setOption({ title: { text: el.getAttribute('data-title') || '', textStyle: { fontSize: 14 } },
      tooltip: {}, toolbox: TOOLBOX,
      xAxis: { type: 'category', data: d.map(function (x) { return st(x.label); }) }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', label: { show: true, position: 'top' },
        data: d.map(function (x) { return { value: x.count, itemStyle: { color: colors[x.label] } }; }) }] });
  }

  function barChart(el) {
    var d = JSON.parse(el.getAttribute('data-bars'));
    echarts.init(el).setOption({ title: { text: el.getAttribute('data-title') || '', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' }, legend: { top: 24 }, toolbox: TOOLBOX, grid: { top: 64, left: 120 },
      yAxis: { type: 'category', data: d.categories }, xAxis: { type: 'value', axisLabel: { formatter: d.unit ? '{value}' + d.unit : '{value}' } },
      series: d.series.map(function (s) { return { name: s.name, type: 'bar', data: s.data, label: { show: true, position: 'right' } }; }) });
  }

  document.querySelectorAll('[data-timeline]').forEach(indicatorChart);
  document.querySelectorAll('[data-counts]').forEach(statusChart);
  document.querySelectorAll('[data-bars]').forEach(barChart);
  window.addEventListener('resize', function () {
    document.querySelectorAll('[_echarts_instance_]').forEach(function (el) { echarts.getInstanceByDom(el).resize(); });
  });
})();
