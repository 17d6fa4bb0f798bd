/* coursepack preview — a SCORM 1.2 LMS stand-in that behaves like Moodle's player
 * (mod/scorm/datamodels/scorm_12.js) on what units use, and shows live what the unit writes.
 *
 * - window.API with the eight SCORM 1.2 calls; one LMSInitialize (a second gives 101), nothing
 *   before it or after LMSFinish (301), read-only elements refused (403), write-only ones not
 *   readable (404), values checked as Moodle checks them (405): lesson_status never "not
 *   attempted", scores 0–100, CMITimespan session time, exit vocabulary, suspend_data ≤ 4096.
 * - The data model is kept in sessionStorage per unit, as Moodle keeps a learner's tracks: a
 *   reload of the unit is the learner coming back (cmi.core.entry "resume" after an exit
 *   "suspend"); "Réinitialiser" forgets it.
 * - Every call is logged; window.coursepackPreview exposes the log and the data for tests.
 */
(function () {
  'use strict';

  var unit = document.currentScript ? document.currentScript.getAttribute('data-unit') : '';
  var KEY = 'coursepack-preview:' + unit;
  var READ_ONLY = ['cmi.core.student_id', 'cmi.core.student_name', 'cmi.core.credit',
    'cmi.core.entry', 'cmi.core.total_time', 'cmi.core.lesson_mode', 'cmi.launch_data',
    'cmi.core._children', 'cmi.core.score._children', 'cmi._version'];
  var WRITE_ONLY = ['cmi.core.session_time', 'cmi.core.exit'];
  var KNOWN = READ_ONLY.concat(WRITE_ONLY, ['cmi.core.lesson_status', 'cmi.core.lesson_location',
    'cmi.core.score.raw', 'cmi.core.score.min', 'cmi.core.score.max', 'cmi.suspend_data',
    'cmi.comments']);
  var ERRORS = { '0': 'No error', '101': 'General exception', '201': 'Invalid argument error',
    '301': 'Not initialized', '401': 'Not implemented error', '403': 'Element is read only',
    '404': 'Element is write only', '405': 'Incorrect data type' };

  function load() {
    try { return JSON.parse(window.sessionStorage.getItem(KEY)) || null; } catch (e) { return null; }
  }

  function fresh() {
    return {
      'cmi.core.student_id': 'apercu', 'cmi.core.student_name': 'Stagiaire, Aperçu',
      'cmi.core.credit': 'credit', 'cmi.core.entry': 'ab-initio', 'cmi.core.lesson_mode': 'normal',
      'cmi.core.lesson_status': 'not attempted', 'cmi.core.lesson_location': '',
      'cmi.core.score.raw': '', 'cmi.core.score.min': '', 'cmi.core.score.max': '',
      'cmi.core.total_time': '0000:00:00.00', 'cmi.suspend_data': '', 'cmi.launch_data': '',
      'cmi.comments': '', 'cmi.core._children': 'student_id,student_name,lesson_location,credit,'
        + 'lesson_status,entry,score,total_time,lesson_mode,exit,session_time',
      'cmi.core.score._children': 'raw,min,max', 'cmi._version': '3.4'
    };
  }

  var data = load() || fresh();
  var calls = [];
  var state = 'not initialized';
  var lastError = '0';
  var sessions = data.__sessions || 0;

  function save() {
    data.__sessions = sessions;
    try { window.sessionStorage.setItem(KEY, JSON.stringify(data)); } catch (e) { /* private */ }
  }

  function timespanSeconds(t) {
    var m = /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/.exec(t);
    return m ? (+m[1]) * 3600 + (+m[2]) * 60 + (+m[3]) + (m[4] ? parseFloat(m[4]) : 0) : 0;
  }

  function timespan(seconds) {
    function two(n) { return n < 10 ? '0' + n : String(n); }
    var h = Math.floor(seconds / 3600);
    return (h < 1000 ? ('000' + h).slice(-4) : String(h)) + ':' + two(Math.floor(seconds / 60) % 60)
      + ':' + two(Math.floor(seconds % 60)) + '.00';
  }

  function valid(element, value) {
    switch (element) {
      case 'cmi.core.lesson_status':
        return ['passed', 'completed', 'failed', 'incomplete', 'browsed'].indexOf(value) >= 0;
      case 'cmi.core.score.raw': case 'cmi.core.score.min': case 'cmi.core.score.max':
        return value === '' || (/^-?[0-9]{1,3}(\.[0-9]+)?$/.test(value) && +value >= 0 && +value <= 100);
      case 'cmi.core.session_time':
        return /^[0-9]{2,4}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,2})?$/.test(value);
      case 'cmi.core.exit':
        return ['', 'time-out', 'suspend', 'logout'].indexOf(value) >= 0;
      case 'cmi.suspend_data': return value.length <= 4096;
      case 'cmi.core.lesson_location': return value.length <= 255;
      case 'cmi.comments': return value.length <= 4096;
      default: return true;
    }
  }

  function log(name, args, result) {
    calls.push({ call: name, args: args, result: result, error: lastError, at: Date.now() });
    render();
  }

  function result(name, args, value, error) {
    lastError = error;
    log(name, args, value);
    return value;
  }

  window.API = {
    LMSInitialize: function (arg) {
      if (state === 'running') { return result('LMSInitialize', [arg], 'false', '101'); }
      if (arg !== '') { return result('LMSInitialize', [arg], 'false', '201'); }
      state = 'running';
      sessions++;
      delete data['cmi.core.session_time'];
      delete data['cmi.core.exit'];
      return result('LMSInitialize', [arg], 'true', '0');
    },
    LMSFinish: function (arg) {
      if (state !== 'running') { return result('LMSFinish', [arg], 'false', '301'); }
      state = 'finished';
      var total = timespanSeconds(data['cmi.core.total_time'])
        + timespanSeconds(data['cmi.core.session_time'] || '');
      data['cmi.core.total_time'] = timespan(total);
      data['cmi.core.entry'] = data['cmi.core.exit'] === 'suspend' ? 'resume' : '';
      save();
      return result('LMSFinish', [arg], 'true', '0');
    },
    LMSGetValue: function (element) {
      if (state !== 'running') { return result('LMSGetValue', [element], '', '301'); }
      if (KNOWN.indexOf(element) < 0) { return result('LMSGetValue', [element], '', '401'); }
      if (WRITE_ONLY.indexOf(element) >= 0) { return result('LMSGetValue', [element], '', '404'); }
      var v = data[element];
      return result('LMSGetValue', [element], v === undefined ? '' : String(v), '0');
    },
    LMSSetValue: function (element, value) {
      value = String(value);
      if (state !== 'running') { return result('LMSSetValue', [element, value], 'false', '301'); }
      if (KNOWN.indexOf(element) < 0) { return result('LMSSetValue', [element, value], 'false', '401'); }
      if (READ_ONLY.indexOf(element) >= 0) { return result('LMSSetValue', [element, value], 'false', '403'); }
      if (!valid(element, value)) { return result('LMSSetValue', [element, value], 'false', '405'); }
      data[element] = value;
      return result('LMSSetValue', [element, value], 'true', '0');
    },
    LMSCommit: function (arg) {
      if (state !== 'running') { return result('LMSCommit', [arg], 'false', '301'); }
      save();
      return result('LMSCommit', [arg], 'true', '0');
    },
    LMSGetLastError: function () { return lastError; },
    LMSGetErrorString: function (code) { return ERRORS[code] || ''; },
    LMSGetDiagnostic: function (code) { return ERRORS[code || lastError] || ''; }
  };

  window.coursepackPreview = {
    calls: calls,
    data: function () { return JSON.parse(JSON.stringify(data)); },
    state: function () { return state; },
    reset: function () {
      try { window.sessionStorage.removeItem(KEY); } catch (e) { /* private mode */ }
    }
  };

  /* ---- the panel ----------------------------------------------------------------------- */

  var SHOWN = [['cmi.core.lesson_status', 'Statut'], ['cmi.core.score.raw', 'Score'],
    ['cmi.core.entry', 'Entrée'], ['cmi.core.exit', 'Sortie'],
    ['cmi.core.session_time', 'Durée de la session'], ['cmi.core.total_time', 'Durée totale'],
    ['cmi.suspend_data', 'suspend_data']];

  function render() {
    var table = document.getElementById('lms-values');
    var list = document.getElementById('lms-calls');
    var status = document.getElementById('lms-state');
    if (!table || !list) { return; }
    status.textContent = state === 'running' ? 'Session ouverte' : state === 'finished'
      ? 'Session terminée (LMSFinish)' : 'En attente de LMSInitialize';
    table.textContent = '';
    SHOWN.forEach(function (row) {
      var tr = document.createElement('tr');
      var th = document.createElement('th');
      th.scope = 'row';
      th.textContent = row[1];
      var td = document.createElement('td');
      var v = data[row[0]];
      v = v === undefined ? '—' : String(v);
      td.textContent = row[0] === 'cmi.suspend_data'
        ? (v === '—' || v === '' ? '(vide)' : v.length + ' car. / 4096 : ' + v) : (v === '' ? '(vide)' : v);
      tr.appendChild(th);
      tr.appendChild(td);
      table.appendChild(tr);
    });
    var c = calls[calls.length - 1];
    if (c) {
      var li = document.createElement('li');
      li.className = c.error === '0' ? 'ok' : 'error';
      li.textContent = c.call + '(' + c.args.map(function (a) { return JSON.stringify(a); }).join(', ')
        + ') → ' + JSON.stringify(c.result) + (c.error === '0' ? '' : '  [erreur ' + c.error + ' : '
        + ERRORS[c.error] + ']');
      list.appendChild(li);
      list.scrollTop = list.scrollHeight;
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    render();
    var reset = document.getElementById('lms-reset');
    if (reset) {
      reset.addEventListener('click', function () {
        window.coursepackPreview.reset();
        window.location.reload();
      });
    }
    var relaunch = document.getElementById('lms-relaunch');
    if (relaunch) {
      relaunch.addEventListener('click', function () {
        /* The unit alone reloads: it ends its session (LMSFinish) and starts a new one. */
        var sco = document.getElementById('sco');
        if (sco) { sco.contentWindow.location.reload(); }
      });
    }
  });
  window.addEventListener('pagehide', save);
})();
