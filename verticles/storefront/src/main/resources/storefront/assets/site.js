// Polymart storefront. Pages are rendered on the server and read without this script; it adds search suggestions
// and carries out the shop's actions (cart, checkout, payment) through the same /api/v1 operations as any client.
// The session lives in HttpOnly cookies this script cannot read; every change it sends carries the page's CSRF token.
(function () {
  'use strict';
  if (!window.fetch) {
    return;
  }

  function csrfToken() {
    var cookie = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
    if (cookie) {
      return decodeURIComponent(cookie[1]);
    }
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : '';
  }

  function errorText(body) {
    var error = body && body.error;
    if (!error) {
      return 'Something went wrong. Please try again.';
    }
    var text = error.message;
    (error.details || []).forEach(function (detail) {
      text += ' ' + (detail.field ? detail.field + ': ' : '') + detail.message + '.';
    });
    return text;
  }

  /**
   * Calls the API as this browser (a FormData body goes as multipart); resolves with the JSON answer, rejects with
   * an Error holding the message.
   */
  function api(method, url, body, headers) {
    var sent = { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() };
    var upload = window.FormData && body instanceof FormData;
    if (body !== undefined && !upload) {
      sent['Content-Type'] = 'application/json';
    }
    Object.keys(headers || {}).forEach(function (name) { sent[name] = headers[name]; });
    return fetch(url, {
      method: method, headers: sent, credentials: 'same-origin',
      body: body === undefined || upload ? body : JSON.stringify(body)
    }).then(function (response) {
      if (response.status === 401) {
        // the session ran out: a page load refreshes it, or shows the shopper signed out
        window.location.reload();
        throw new Error('Your session ended. Reloading…');
      }
      if (response.status === 204) {
        return null;
      }
      return response.json().catch(function () { return null; }).then(function (json) {
        if (!response.ok) {
          throw new Error(errorText(json));
        }
        return json;
      });
    });
  }

  function notice(text, isError) {
    var box = document.getElementById('notice');
    if (!box) {
      return;
    }
    box.textContent = text;
    box.className = 'notice' + (isError ? ' error' : '');
    box.hidden = false;
  }

  function failed(error) {
    notice(error.message, true);
  }

  function formJson(form, names) {
    var body = {};
    names.forEach(function (name) {
      var field = form.elements[name];
      if (field && field.value.trim() !== '') {
        body[name] = field.value.trim();
      }
    });
    return body;
  }

  function statusText(status) {
    var words = String(status).replace(/_/g, ' ').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function randomKey() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    return String(Date.now()) + '-' + String(Math.random()).slice(2);
  }

  // search suggestions as you type, from the catalog's suggest API, into the search box's datalist
  var input = document.querySelector('.search input[name="q"]');
  var list = document.getElementById('suggestions');
  if (input && list) {
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
  }

  // product page: add the chosen SKU to the cart
  var buy = document.getElementById('add-to-cart');
  if (buy) {
    buy.addEventListener('submit', function (event) {
      event.preventDefault();
      var sku = buy.querySelector('input[name="skuId"]:checked');
      if (!sku) {
        notice('Choose a variant first.', true);
        return;
      }
      var quantity = parseInt(buy.elements.quantity.value, 10) || 1;
      api('POST', '/api/v1/cart/items', { skuId: sku.value, quantity: quantity }).then(function (cart) {
        notice('Added to your cart (' + cart.lineCount + (cart.lineCount === 1 ? ' line' : ' lines') + ').');
        var link = document.createElement('a');
        link.href = '/cart';
        link.textContent = ' View cart';
        link.id = 'view-cart';
        document.getElementById('notice').appendChild(link);
      }).catch(failed);
    });
  }

  // cart page: quantities, selection and removal change the cart, then the page shows it as the server prices it
  document.querySelectorAll('.cart .line').forEach(function (line) {
    var url = '/api/v1/cart/items/' + encodeURIComponent(line.getAttribute('data-sku'));
    function change(method, body) {
      api(method, url, body).then(function () { window.location.reload(); }).catch(failed);
    }
    var quantity = line.querySelector('.js-quantity');
    quantity.addEventListener('change', function () {
      var value = parseInt(quantity.value, 10);
      if (value >= 1) {
        change('PATCH', { quantity: value });
      }
    });
    line.querySelector('.js-select').addEventListener('change', function (event) {
      change('PATCH', { selected: event.target.checked });
    });
    line.querySelector('.js-remove').addEventListener('click', function () {
      change('DELETE');
    });
  });

  // checkout: a new address, then the order (one idempotency key per page: a second click places no second order)
  var newAddress = document.getElementById('new-address');
  if (newAddress) {
    newAddress.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = formJson(newAddress, ['receiver', 'phone', 'province', 'city', 'district', 'detail', 'postalCode']);
      api('POST', '/api/v1/me/addresses', body).then(function () { window.location.reload(); }).catch(failed);
    });
  }
  var placeOrder = document.getElementById('place-order');
  if (placeOrder) {
    var idempotencyKey = randomKey();
    placeOrder.addEventListener('submit', function (event) {
      event.preventDefault();
      var chosen = placeOrder.querySelector('input[name="addressId"]:checked');
      if (!chosen) {
        notice('Choose where to deliver.', true);
        return;
      }
      var body = formJson(placeOrder, ['couponCode']);
      body.addressId = chosen.value;
      placeOrder.querySelector('button[type="submit"]').disabled = true;
      api('POST', '/api/v1/orders', body, { 'Idempotency-Key': idempotencyKey }).then(function (order) {
        window.location.assign('/orders/' + encodeURIComponent(order.id));
      }).catch(function (error) {
        placeOrder.querySelector('button[type="submit"]').disabled = false;
        failed(error);
      });
    });
  }

  // the console and review votes: each form names its operation (data-api="POST /api/v1/..."); its JSON body is
  // data-body, or its filled fields
  document.querySelectorAll('form[data-api]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var operation = form.getAttribute('data-api').split(' ');
      // a fixed body (data-body), else the filled fields
      var body = form.hasAttribute('data-body') ? JSON.parse(form.getAttribute('data-body')) : undefined;
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name && field.value.trim() !== '') {
          body = body || {};
          body[field.name] = field.type === 'number' ? Number(field.value) : field.value.trim();
        }
      });
      var button = form.querySelector('button');
      button.disabled = true;
      api(operation[0], operation[1], body).then(function () { window.location.reload(); }).catch(function (error) {
        button.disabled = false;
        failed(error);
      });
    });
  });

  // writing a review: the pictures first, then the review that names them
  var review = document.getElementById('review-form');
  if (review) {
    review.addEventListener('submit', function (event) {
      event.preventDefault();
      var productId = review.getAttribute('data-product');
      var button = review.querySelector('button[type="submit"]');
      button.disabled = true;
      var uploads = Array.prototype.map.call(review.elements.images.files, function (file) {
        var form = new FormData();
        form.append('file', file);
        return api('POST', '/api/v1/reviews/images', form).then(function (image) { return image.id; });
      });
      Promise.all(uploads).then(function (images) {
        var body = formJson(review, ['title', 'body']);
        body.rating = Number(review.querySelector('input[name="rating"]:checked').value);
        if (review.getAttribute('data-sku')) {
          body.skuId = review.getAttribute('data-sku');
        }
        if (images.length) {
          body.images = images;
        }
        return api('POST', '/api/v1/products/' + encodeURIComponent(productId) + '/reviews', body);
      }).then(function () {
        window.location.assign('/products/' + encodeURIComponent(productId) + '?reviewed=1#reviews');
      }).catch(function (error) {
        button.disabled = false;
        failed(error);
      });
    });
  }

  // order page: pay in the sandbox, and follow the order's status live
  var order = document.getElementById('order');
  if (order) {
    var orderId = order.getAttribute('data-order-id');
    var status = document.getElementById('order-status');
    var pay = document.getElementById('pay');
    if (pay) {
      pay.addEventListener('click', function () {
        pay.disabled = true;
        api('POST', '/api/v1/orders/' + encodeURIComponent(orderId) + '/pay', { method: 'card' }).then(function () {
          notice('Payment started. This page shows when it is confirmed.');
        }).catch(function (error) {
          pay.disabled = false;
          failed(error);
        });
      });
    }
    if (window.WebSocket) {
      var socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
      socket.addEventListener('message', function (event) {
        var message;
        try {
          message = JSON.parse(event.data);
        } catch (e) {
          return;
        }
        if (message.type === 'ready') {
          order.setAttribute('data-live', 'ready');
        } else if (message.type === 'order.status' && message.orderId === orderId) {
          status.textContent = statusText(message.to);
          status.setAttribute('data-status', message.to);
          var entry = document.createElement('li');
          entry.textContent = String(message.at || '').replace('T', ' ').slice(0, 16) + ' · ' + statusText(message.to);
          document.getElementById('order-history').appendChild(entry);
          var box = document.getElementById('pay-box');
          if (box && message.to !== 'PENDING_PAYMENT') {
            box.hidden = true;
          }
          if (message.to === 'DELIVERED' || message.to === 'COMPLETED') {
            document.querySelectorAll('.js-review').forEach(function (link) { link.hidden = false; });
          }
        } else if (message.type === 'payment.status' && message.orderId === orderId && message.status === 'FAILED') {
          notice('The payment failed. You can try again.', true);
          if (pay) {
            pay.disabled = false;
          }
        }
      });
    }
  }
})();
