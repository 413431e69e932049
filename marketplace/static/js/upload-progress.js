/* Import upload with a progress bar: the form is sent with XMLHttpRequest so that the
   upload progress can be shown. Without JavaScript the form is posted as usual. */
(function () {
  "use strict";
  var form = document.getElementById("import-form");
  if (!form || !window.FormData || !window.XMLHttpRequest) { return; }
  var box = document.getElementById("upload-progress-box");
  var bar = document.getElementById("upload-progress");
  var status = document.getElementById("upload-status");

  form.addEventListener("submit", function (event) {
    var input = form.querySelector("input[type='file']");
    if (!input || !input.files || input.files.length === 0) { return; } // server says why
    event.preventDefault();
    var button = form.querySelector("button[type='submit']");
    var request = new XMLHttpRequest();
    request.open("POST", form.getAttribute("action") || window.location.href);
    box.hidden = false;
    bar.value = 0;
    button.disabled = true;
    request.upload.addEventListener("progress", function (progress) {
      if (progress.lengthComputable) {
        bar.value = Math.round(100 * progress.loaded / progress.total);
        status.textContent = bar.value + "%";
      }
    });
    request.upload.addEventListener("load", function () {
      bar.removeAttribute("value"); // indeterminate while the server checks the rows
      status.textContent = form.getAttribute("data-checking-message");
    });
    request.addEventListener("load", function () {
      if (request.responseURL && request.responseURL.split("#")[0] !== window.location.href.split("#")[0]) {
        window.location.assign(request.responseURL);
        return;
      }
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener("error", function () {
      button.disabled = false;
      box.hidden = true;
      status.textContent = form.getAttribute("data-error-message");
    });
    request.send(new FormData(form));
  });
}());
