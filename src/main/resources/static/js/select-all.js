// A checkbox with data-select-all="group" ticks or clears every checkbox with data-select-group="group".
document.addEventListener('change', function (e) {
  var group = e.target.getAttribute && e.target.getAttribute('data-select-all');
  if (!group) {
    return;
  }
  document.querySelectorAll('input[data-select-group="' + group + '"]').forEach(function (box) {
    box.checked = e.target.checked;
  });
});
