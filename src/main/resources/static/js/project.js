// Gantt chart of a domain's projects (ECharts custom series). No inline scripts (CSP).
(function () {
  var el = document.getElementById('gantt');
  if (!el || typeof echarts === 'undefined') { return; }
  // names come from users (project names): the tooltip is HTML, so every value is escaped before it is joined
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }
  fetch(el.getAttribute('data-url'), {credentials: 'same-origin'}).then(function (r) { return r.json(); }).then(function (bars) {
    var rows = bars.filter(function (b) { return b.from && b.to; });
    var names = rows.map(function (b) { return b.name; });
    var colours = {GREEN: '#198754', YELLOW: '#ffc107', RED: '#dc3545', NONE: '#6c757d'};
    var data = rows.map(function (b, i) {
      return {value: [i, +new Date(b.from), +new Date(b.to), b.stage], itemStyle: {color: colours[b.signal] || '#6c757d'}};
    });
    var en = (document.documentElement.lang || '').toLowerCase().indexOf('en') === 0;
    var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    // a day (2026-03-01) as a person reads it: 2026年3月1日, 1 Mar 2026
    function day(iso) {
      var p = String(iso).split('-');
      if (p.length !== 3) { return iso; }
      return en ? (+p[2]) + ' ' + months[+p[1] - 1] + ' ' + p[0] : p[0] + '年' + (+p[1]) + '月' + (+p[2]) + '日';
    }
    var today = el.getAttribute('data-today');
    // each milestone a diamond on its project's row: at the actual date when done (green), else at the planned date
    // (red when overdue, blue while ahead)
    var points = [];
    rows.forEach(function (b, i) {
      (b.points || []).forEach(function (m) {
        var at = m.actualOn || m.plannedOn;
        if (!at) { return; }
        var colour = m.actualOn ? '#198754' : (m.overdue ? '#dc3545' : '#0d6efd');
        points.push({value: [+new Date(at), i], row: i, point: m, itemStyle: {color: colour}});
      });
    });
    function milestoneTip(p) {
      var b = rows[p.data.row], m = p.data.point;
      var lines = [esc(b.name), esc(m.label)];
      if (m.plannedOn) { lines.push(esc(el.getAttribute('data-planned-label')) + ' ' + esc(day(m.plannedOn))); }
      if (m.actualOn) { lines.push(esc(el.getAttribute('data-actual-label')) + ' ' + esc(day(m.actualOn))); }
      if (m.overdue) { lines.push(esc(el.getAttribute('data-overdue-label'))); }
      return lines.join('<br>');
    }
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: {formatter: function (p) {
        if (p.seriesType === 'scatter') { return milestoneTip(p); }
        if (p.componentType === 'markLine') { return esc(el.getAttribute('data-today-label')) + ' ' + esc(day(today)); }
        var b = rows[p.value[0]]; return esc(b.name) + '<br>' + esc(day(b.from)) + ' — ' + esc(day(b.to)) + '<br>' + esc(b.stage);
      }},
      grid: {left: 260, right: 30, top: 20, bottom: 40},
      // the axis always reaches today, so that the today line shows even when every project lies ahead
      xAxis: {type: 'time', min: function (v) { return today ? Math.min(v.min, +new Date(today)) : v.min; },
        max: function (v) { return today ? Math.max(v.max, +new Date(today)) : v.max; }},
      yAxis: {type: 'category', data: names, inverse: true},
      series: [{type: 'custom', encode: {x: [1, 2], y: 0}, data: data, renderItem: function (params, api) {
        var y = api.value(0), start = api.coord([api.value(1), y]), end = api.coord([api.value(2), y]);
        var h = api.size([0, 1])[1] * 0.5;
        return {type: 'rect', shape: {x: start[0], y: start[1] - h / 2, width: Math.max(end[0] - start[0], 2), height: h}, style: api.style()};
      }, markLine: today ? {symbol: 'none', lineStyle: {color: '#dc3545', type: 'dashed', width: 2},
        label: {formatter: el.getAttribute('data-today-label')}, data: [{xAxis: +new Date(today)}]} : undefined},
      {type: 'scatter', name: 'milestones', symbol: 'diamond', symbolSize: 18, data: points, z: 5,
        itemStyle: {borderColor: '#ffffff', borderWidth: 2}}]
    });
    if (rows.length === 0) { el.textContent = en ? 'No project of this domain has milestone dates yet.' : '该领域尚无带节点日期的项目。'; el.style.height = 'auto'; }
  });
})();
