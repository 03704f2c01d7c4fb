// Reporting pages. Dashboard: each table marked data-chart="bar" is drawn as an ECharts bar chart in the element
// whose data-chart-for names the table; the table stays on the page (the same numbers, for screen readers and
// for anyone without JavaScript). The chart element is aria-hidden.
(function () {
  'use strict';

  function number(text) {
    var n = parseFloat(String(text).replace(/[^0-9.\-]/g, ''));
    return isNaN(n) ? 0 : n;
  }

  function draw(table, target) {
    var labels = [];
    var values = [];
    table.querySelectorAll('tbody tr').forEach(function (row) {
      var head = row.querySelector('th');
      var cell = row.querySelector('td');
      if (head && cell) {
        labels.push(head.textContent.trim());
        values.push(number(cell.textContent));
      }
    });
    if (!labels.length) {
      target.hidden = true;
      return;
    }
    var chart = window.echarts.init(target, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: labels.slice().reverse(),
               axisLabel: { width: 220, overflow: 'truncate' } },
      series: [{ type: 'bar', data: values.slice().reverse(), itemStyle: { color: '#1f5fa8' },
                 label: { show: true, position: 'right' } }],
      tooltip: { trigger: 'axis' }
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function init() {
    if (!window.echarts) {
      return;
    }
    document.querySelectorAll('[data-chart-for]').forEach(function (target) {
      var table = document.getElementById(target.getAttribute('data-chart-for'));
      if (table) {
        draw(table, target);
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
