// A tiny app exercising every kind of acceptance-check step (see run-step.integration.test.ts).
const $ = (id) => document.getElementById(id);
const iso = (date) => date.getFullYear() + "-" + String(date.getMonth() + 1).padStart(2, "0") + "-" + String(date.getDate()).padStart(2, "0");

$("today").textContent = "Today is " + iso(new Date());

let count = 0;
$("loan-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const title = $("title").value.trim();
  const due = $("due").value;
  const item = document.createElement("li");
  item.textContent = title + " due " + due + ($("paid").checked ? " (paid)" : "");
  $("loans").prepend(item);
  if (due < iso(new Date())) {
    const overdue = document.createElement("li");
    overdue.textContent = title;
    $("overdue").append(overdue);
  }
  count += 1;
  $("total").textContent = String(count);
  event.target.reset();
});

$("start").addEventListener("click", () => {
  setTimeout(() => {
    $("phase").textContent = "Break time";
  }, 25 * 60 * 1000);
});

$("card").addEventListener("dragstart", (event) => event.dataTransfer.setData("text/plain", "card"));
for (const column of document.querySelectorAll(".column")) {
  column.addEventListener("dragover", (event) => event.preventDefault());
  column.addEventListener("drop", (event) => {
    event.preventDefault();
    column.append($("card"));
  });
}

// An uploaded picture is shown as a data URL (the preview CSP allows data: images only).
$("cover-file").addEventListener("change", () => {
  const file = $("cover-file").files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => {
    $("cover").src = String(reader.result);
    $("cover").hidden = false;
  };
  reader.readAsDataURL(file);
});
