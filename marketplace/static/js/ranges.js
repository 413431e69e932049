// Shows a range input's value in its <output> while sliding; the page works without it.
document.querySelectorAll('input[type="range"]').forEach(function (input) {
  var output = document.getElementById(input.id + '-waarde');
  if (!output) { return; }
  input.addEventListener('input', function () { output.textContent = input.value; });
});
