// Polymart storefront: small enhancements only; every page works without this script.
(function () {
  'use strict';
  // suggestions as you type, from the catalog's suggest API, into the search box's datalist
  var input = document.querySelector('.search input[name="q"]');
  var list = document.getElementById('suggestions');
  if (!input || !list || !window.fetch) {
    return;
  }
  var timer = null;
  var asked = '';
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value.trim();
      if (q.length < 1 || q === asked) {
        return;
      }
      asked = q;
      fetch('/api/v1/search/suggest?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : { items: [] }; })
        .then(function (body) {
          if (q !== asked) {
            return;
          }
          list.textContent = '';
          (body.items || []).slice(0, 8).forEach(function (text) {
            var option = document.createElement('option');
            option.value = text;
            list.appendChild(option);
          });
        })
        .catch(function () { /* suggestions are a nicety */ });
    }, 150);
  });
})();
