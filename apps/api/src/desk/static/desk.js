// Chancery desk: a little progressive enhancement. Every page works without this script:
// confirmations fall back to a confirmation page, countdowns to the time printed by the server.
'use strict';

(function () {
  // The page's words, in its language (the layout's data-t-* attributes; English if absent).
  var words = document.documentElement.dataset;
  function say(name, fallback, values) {
    var text = words[name] || fallback;
    Object.keys(values || {}).forEach(function (key) {
      text = text.split('{' + key + '}').join(String(values[key]));
    });
    return text;
  }

  // ---- confirmations ---------------------------------------------------------------------
  // A form with data-confirm asks in a dialog; once confirmed, its hidden "confirmed" field says
  // so and the server acts at once. Without the script the server asks on a page instead.
  function confirmDialog(message) {
    return new Promise(function (resolve) {
      var dialog = document.createElement('dialog');
      dialog.className = 'confirm-dialog';
      dialog.setAttribute('aria-labelledby', 'confirm-dialog-title');
      dialog.setAttribute('aria-describedby', 'confirm-dialog-message');
      var title = document.createElement('h2');
      title.id = 'confirm-dialog-title';
      title.textContent = say('tConfirmTitle', 'Please confirm');
      var text = document.createElement('p');
      text.id = 'confirm-dialog-message';
      text.textContent = message;
      var form = document.createElement('form');
      form.method = 'dialog';
      form.className = 'form-actions';
      var cancel = document.createElement('button');
      cancel.value = 'cancel';
      cancel.textContent = say('tCancel', 'Cancel');
      var ok = document.createElement('button');
      ok.value = 'confirm';
      ok.className = 'button-primary';
      ok.textContent = say('tConfirm', 'Confirm');
      form.append(cancel, ok);
      dialog.append(title, text, form);
      document.body.append(dialog);
      dialog.addEventListener('close', function () {
        resolve(dialog.returnValue === 'confirm');
        dialog.remove();
      });
      dialog.showModal();
      ok.focus();
    });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.confirm) return;
    var flag = form.querySelector('input[name="confirmed"]');
    if (!flag || flag.value === 'yes' || typeof HTMLDialogElement !== 'function') return;
    event.preventDefault();
    // "{stance}" in a position form's question names the stance chosen.
    var chosen = form.querySelector('input[name="stance"]:checked');
    var message = form.dataset.confirm.replace(
      '{stance}',
      (chosen && chosen.dataset.word) || 'position',
    );
    confirmDialog(message).then(function (confirmed) {
      if (!confirmed) return;
      flag.value = 'yes';
      form.submit();
    });
  });

  // ---- filters apply as soon as they change ------------------------------------------------
  document.querySelectorAll('form[data-autosubmit] select').forEach(function (select) {
    select.addEventListener('change', function () {
      select.form.submit();
    });
  });

  // ---- the position form: text and paragraphs only for a reservation or an objection -------
  var positionForm = document.querySelector('.position-form');
  if (positionForm) {
    var details = positionForm.querySelector('.stance-details');
    var textArea = positionForm.querySelector('textarea[name="text"]');
    var sync = function () {
      var chosen = positionForm.querySelector('input[name="stance"]:checked');
      var concur = !chosen || chosen.value === 'concur';
      details.hidden = concur;
      details.querySelectorAll('textarea, input').forEach(function (field) {
        field.disabled = concur;
      });
      textArea.required = !concur;
    };
    positionForm.addEventListener('change', sync);
    sync();
  }

  // ---- matrix cells name their state and stance on hover ----------------------------------
  // (Screen readers have the aria-label; the server leaves out a title on 5,600 cells.)
  document.querySelectorAll('table.matrix').forEach(function (table) {
    table.addEventListener('mouseover', function (event) {
      var cell = event.target.closest && event.target.closest('td[aria-label]');
      if (cell && !cell.title) cell.title = cell.getAttribute('aria-label');
    });
  });

  // ---- silence deadlines count down --------------------------------------------------------
  function timeLeft(deadline, now) {
    var ms = deadline - now;
    if (ms <= 0) return say('tPassed', 'deadline passed');
    var minutes = Math.floor(ms / 60000);
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor((minutes % 1440) / 60);
    var mins = minutes % 60;
    if (days > 0) return say('tLeftDays', '{days} d {hours} h left', { days: days, hours: hours });
    if (hours > 0)
      return say('tLeftHours', '{hours} h {minutes} min left', { hours: hours, minutes: mins });
    return say('tLeftMinutes', '{minutes} min left', { minutes: Math.max(mins, 1) });
  }
  var countdowns = document.querySelectorAll('.time-left[data-deadline]');
  function tick() {
    var now = Date.now();
    countdowns.forEach(function (element) {
      var deadline = Date.parse(element.dataset.deadline);
      if (isNaN(deadline)) return;
      element.textContent = timeLeft(deadline, now);
      element.classList.toggle('is-close', deadline - now < 24 * 3600 * 1000);
    });
  }
  if (countdowns.length > 0) {
    tick();
    setInterval(tick, 15000);
  }
})();

// Live pages: the dashboard and a draft page follow the desk's event stream and refresh their
// regions (data-live-region) when a position, an amendment or a status change arrives, without
// a reload. Without the script (or EventSource) the page is as the server sent it.
(function () {
  var regions = document.querySelectorAll('[data-live-region]');
  if (regions.length === 0 || typeof EventSource !== 'function' || !window.fetch) return;
  var draftIds = [];
  regions.forEach(function (region) {
    if (region.dataset.liveDraft) draftIds.push(region.dataset.liveDraft);
  });
  var status = document.querySelector('[data-live-status]');
  var pending = null;
  var refreshing = false;

  function refresh() {
    pending = null;
    if (refreshing) {
      pending = setTimeout(refresh, 300);
      return;
    }
    refreshing = true;
    fetch(location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (response) {
        if (!response.ok) throw new Error('refresh failed: ' + response.status);
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        document.querySelectorAll('[data-live-region]').forEach(function (region) {
          var replacement = fresh.querySelector(
            '[data-live-region="' + region.dataset.liveRegion + '"]',
          );
          if (replacement) region.innerHTML = replacement.innerHTML;
        });
        var unread = fresh.querySelector('[data-live-unread]');
        var current = document.querySelector('[data-live-unread]');
        if (unread && current) current.innerHTML = unread.innerHTML;
        if (status)
          status.textContent = document.documentElement.dataset.tUpdated
            ? document.documentElement.dataset.tUpdated.replace(
                '{time}',
                new Date().toLocaleTimeString(document.documentElement.lang),
              )
            : 'Updated at ' + new Date().toLocaleTimeString();
        document.dispatchEvent(new CustomEvent('chancery:updated'));
      })
      .catch(function () {
        // The next event tries again; the page still shows what it had.
      })
      .finally(function () {
        refreshing = false;
      });
  }

  var events = new EventSource('/desk/events');
  events.onmessage = function (message) {
    var event;
    try {
      event = JSON.parse(message.data);
    } catch (error) {
      return;
    }
    if (draftIds.length > 0 && draftIds.indexOf(event.draftId) < 0) return;
    // Twenty-eight delegations answering at once make one refresh, not twenty-eight.
    if (pending === null) pending = setTimeout(refresh, 250);
  };
})();

// The meeting pack: while it builds, the bar follows its progress (the server stores done and
// total as the job goes), so it moves without a reload and picks up again after one; once it
// is done the download appears. Without the script the page shows the state of its rendering.
(function () {
  var panel = document.querySelector('[data-pack-status-url]');
  if (!panel || !window.fetch) return;
  var job = panel.querySelector('[data-pack-job]');
  var bar = panel.querySelector('progress');
  var state = panel.querySelector('[data-pack-state]');
  var download = panel.querySelector('[data-pack-download]');
  function message(name, values) {
    var text = panel.getAttribute('data-msg-' + name) || '';
    Object.keys(values).forEach(function (key) {
      text = text.split('{' + key + '}').join(String(values[key]));
    });
    return text;
  }
  function show(status) {
    if (!status || status.status === 'none') return false;
    job.hidden = false;
    bar.max = Math.max(1, status.total);
    bar.value = status.status === 'done' ? bar.max : status.done;
    bar.textContent = status.percent + '%';
    var text = message(status.status === 'done_' ? 'done' : status.status, {
      done: status.done,
      total: status.total,
      error: status.error || '',
    });
    if (state.textContent !== text) state.textContent = text;
    if (status.fileHref) {
      download.querySelector('a').href = status.fileHref;
      download.hidden = false;
    } else {
      download.hidden = true;
    }
    return status.status === 'queued' || status.status === 'running';
  }
  function poll() {
    fetch(panel.getAttribute('data-pack-status-url'), {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    })
      .then(function (response) {
        if (!response.ok) throw new Error('status ' + response.status);
        return response.json();
      })
      .then(function (status) {
        if (show(status)) setTimeout(poll, 1000);
      })
      .catch(function () {
        setTimeout(poll, 3000);
      });
  }
  var current = state ? state.textContent : '';
  var unfinished = !job.hidden && !download.querySelector('a').getAttribute('href');
  if (unfinished || current === '') poll();
})();
