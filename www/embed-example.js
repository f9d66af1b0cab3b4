// The example host page's own script (embed-example.html): it hears each widget's
// suggestions and counts them, and uses the headless call. A real host page would do
// the same with its own wording.
import HorizonWidget from './horizon-widget.js';

function plural(n, noun) {
  return `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;
}

for (const [widget, status] of [['county-widget', 'county-status'], ['district-widget', 'district-status']]) {
  document.getElementById(widget).addEventListener('horizon-suggestions', (event) => {
    const n = event.detail.suggestions.length;
    document.getElementById(status).textContent = `Horizon suggests ${plural(n, 'change')} here.`;
  });
}

document.getElementById('headless').addEventListener('click', async () => {
  const out = document.getElementById('headless-result');
  const county = document.getElementById('county-widget');
  try {
    const scenario = county.scenario ?? (await HorizonWidget.example(county.getAttribute('example')));
    const review = await HorizonWidget.review(scenario);
    out.textContent = `The shipped rules make ${plural(review.suggestions.length, 'suggestion')} for this review.`;
  } catch (error) {
    out.textContent = error.message;
  }
});
