/* coursepack preview — a SCORM LMS stand-in that behaves like Moodle's player
 * (mod/scorm/datamodels/scorm_12.js and scorm_13.js) on what units use, and shows live what the
 * unit writes. It speaks both editions: window.API for SCORM 1.2, window.API_1484_11 for 2004;
 * the page says which one the unit is played with (data-edition), and that one is shown.
 *
 * - window.API with the eight SCORM 1.2 calls; one LMSInitialize (a second gives 101), nothing
 *   before it or after LMSFinish (301), read-only elements refused (403), write-only ones not
 *   readable (404), values checked as Moodle checks them (405): lesson_status never "not
 *   attempted", scores 0–100, CMITimespan session time, exit vocabulary, suspend_data ≤ 4096,
 *   interactions written in order with Moodle's formats.
 * - window.API_1484_11 with the eight SCORM 2004 calls and Moodle's checks on what units use:
 *   103/104 around Initialize and Terminate, 122/132/142 before it, 404 read-only, 405
 *   write-only, 406 wrong format or vocabulary, 407 out of range, 408 an interaction's field
 *   before its id or its type; suspend_data ≤ 64,000; an ISO 8601 session time.
 * - The data model is kept in sessionStorage per unit, as Moodle keeps a learner's tracks: a
 *   reload of the unit is the learner coming back (cmi.core.entry "resume" after an exit
 *   "suspend"); "Réinitialiser" forgets it.
 * - Every call is logged; window.coursepackPreview exposes the log and the data for tests.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var unit = script ? script.getAttribute('data-unit') : '';
  var edition = script && script.getAttribute('data-edition') === '2004' ? '2004' : '1.2';
  var KEY = 'coursepack-preview:' + unit + (edition === '2004' ? ':2004' : '');
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

  var data = load() || (edition === '2004' ? fresh2004() : fresh());
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

  /* cmi.interactions.n.*: write-only, in order (201 beyond _count), Moodle's formats. */
  var INTERACTION_12 = {
    id: /^[\u0021-\u007E]{0,255}$/,
    type: /^true-false$|^choice$|^fill-in$|^matching$|^performance$|^sequencing$|^likert$|^numeric$/,
    result: /^correct$|^wrong$|^unanticipated$|^neutral$|^([0-9]{0,3})?(\.[0-9]*)?$/,
    student_response: /^[\s\S]{0,255}$/,
    'correct_responses.0.pattern': /^[\s\S]{0,255}$/,
    time: /^([0-2]{1}[0-9]{1}):([0-5]{1}[0-9]{1}):([0-5]{1}[0-9]{1})(\.[0-9]{1,2})?$/,
    weighting: /^-?([0-9]{0,3})(\.[0-9]*)?$/,
    latency: /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/
  };

  function interaction12(element) {
    var m = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
    return m && INTERACTION_12[m[2]] ? { n: +m[1], field: m[2] } : null;
  }

  function valid(element, value) {
    var it = interaction12(element);
    if (it) { return INTERACTION_12[it.field].test(value); }
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

  var api12 = {
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
      if (element === 'cmi.interactions._count') {
        return result('LMSGetValue', [element], String(data[element] || 0), '0');
      }
      if (interaction12(element)) { return result('LMSGetValue', [element], '', '404'); }
      if (KNOWN.indexOf(element) < 0) { return result('LMSGetValue', [element], '', '401'); }
      if (WRITE_ONLY.indexOf(element) >= 0) { return result('LMSGetValue', [element], '', '404'); }
      var v = data[element];
      return result('LMSGetValue', [element], v === undefined ? '' : String(v), '0');
    },
    LMSSetValue: function (element, value) {
      value = String(value);
      if (state !== 'running') { return result('LMSSetValue', [element, value], 'false', '301'); }
      var it = interaction12(element);
      if (it) {
        var count = +(data['cmi.interactions._count'] || 0);
        if (it.n > count) { return result('LMSSetValue', [element, value], 'false', '201'); }
        if (!valid(element, value)) { return result('LMSSetValue', [element, value], 'false', '405'); }
        if (it.n === count) { data['cmi.interactions._count'] = count + 1; }
        data[element] = value;
        return result('LMSSetValue', [element, value], 'true', '0');
      }
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

  /* ---- SCORM 2004 (API_1484_11), as Moodle's scorm_13.js checks what units use ---------- */

  var ERRORS_2004 = { '0': 'No error', '101': 'General exception',
    '103': 'Already initialized', '104': 'Content instance terminated',
    '112': 'Termination before initialization', '113': 'Termination after termination',
    '122': 'Retrieve data before initialization', '123': 'Retrieve data after termination',
    '132': 'Store data before initialization', '133': 'Store data after termination',
    '142': 'Commit before initialization', '143': 'Commit after termination',
    '201': 'General argument error', '301': 'General get failure', '351': 'General set failure',
    '401': 'Undefined data model element', '403': 'Data model element value not initialized',
    '404': 'Data model element is read only', '405': 'Data model element is write only',
    '406': 'Data model element type mismatch', '407': 'Data model element value out of range',
    '408': 'Data model dependency not established' };
  var READ_ONLY_2004 = ['cmi._version', 'cmi.learner_id', 'cmi.learner_name', 'cmi.credit',
    'cmi.entry', 'cmi.mode', 'cmi.total_time', 'cmi.launch_data', 'cmi.completion_threshold',
    'cmi.scaled_passing_score', 'cmi.interactions._count', 'cmi.interactions._children'];
  var WRITE_ONLY_2004 = ['cmi.session_time', 'cmi.exit'];
  var SHORT_ID = /^[\w.]{1,250}$/;
  var DURATION = /^P(\d+Y)?(\d+M)?(\d+D)?(T(((\d+H)(\d+M)?(\d+(\.\d{1,2})?S)?)|((\d+M)(\d+(\.\d{1,2})?S)?)|((\d+(\.\d{1,2})?S))))?$/;
  var DECIMAL = /^-?([0-9]{1,5})(\.[0-9]{1,18})?$/;
  var RW_2004 = {
    'cmi.completion_status': function (v) { return /^(completed|incomplete|not attempted|unknown)$/.test(v) || '406'; },
    'cmi.success_status': function (v) { return /^(passed|failed|unknown)$/.test(v) || '406'; },
    'cmi.exit': function (v) { return /^(time-out|suspend|logout|normal|)$/.test(v) || '406'; },
    'cmi.session_time': function (v) { return DURATION.test(v) || '406'; },
    'cmi.score.scaled': function (v) { return !DECIMAL.test(v) ? '406' : (+v >= -1 && +v <= 1) || '407'; },
    'cmi.score.raw': function (v) { return DECIMAL.test(v) || '406'; },
    'cmi.score.min': function (v) { return DECIMAL.test(v) || '406'; },
    'cmi.score.max': function (v) { return DECIMAL.test(v) || '406'; },
    'cmi.progress_measure': function (v) { return !DECIMAL.test(v) ? '406' : (+v >= 0 && +v <= 1) || '407'; },
    'cmi.suspend_data': function (v) { return v.length <= 64000 || '407'; },
    'cmi.location': function (v) { return v.length <= 1000 || '407'; }
  };
  var RESPONSES = {
    'true-false': function (v) { return /^(true|false)$/.test(v); },
    choice: function (v) { return v.split(',').every(function (x) { return SHORT_ID.test(x); }); },
    matching: function (v) {
      return v.split(',').every(function (p) {
        var two = p.split('.');
        return two.length === 2 && SHORT_ID.test(two[0]) && SHORT_ID.test(two[1]);
      });
    }
  };

  function fresh2004() {
    return {
      'cmi._version': '1.0', 'cmi.learner_id': 'apercu', 'cmi.learner_name': 'Stagiaire, Aperçu',
      'cmi.credit': 'credit', 'cmi.entry': 'ab-initio', 'cmi.mode': 'normal',
      'cmi.completion_status': 'unknown', 'cmi.success_status': 'unknown',
      'cmi.score.raw': '', 'cmi.score.min': '', 'cmi.score.max': '', 'cmi.score.scaled': '',
      'cmi.progress_measure': '', 'cmi.total_time': 'PT0H0M0S', 'cmi.suspend_data': '',
      'cmi.location': '', 'cmi.launch_data': '', 'cmi.completion_threshold': '',
      'cmi.scaled_passing_score': '', 'cmi.interactions._count': '0',
      'cmi.interactions._children': 'id,type,objectives,timestamp,correct_responses,weighting,'
        + 'learner_response,result,latency,description'
    };
  }

  function durationSeconds(t) {
    var m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(t || '');
    return m ? (+(m[1] || 0)) * 86400 + (+(m[2] || 0)) * 3600 + (+(m[3] || 0)) * 60
      + parseFloat(m[4] || 0) : 0;
  }

  /* The check of an interaction's field, or null when the element is not one. */
  function interaction2004(element, value) {
    var m = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
    if (!m) { return null; }
    var n = +m[1];
    var p = 'cmi.interactions.' + n + '.';
    var count = +data['cmi.interactions._count'];
    if (m[2] === 'id') {
      if (n > count) { return '351'; }
      if (!/^(?:(?!urn:)\S{1,4000}|urn:[A-Za-z0-9-]{1,31}:\S{1,4000})$/.test(value)) { return '406'; }
      if (n === count) { data['cmi.interactions._count'] = String(count + 1); }
      return '0';
    }
    if (data[p + 'id'] === undefined) { return '408'; }
    var type = data[p + 'type'];
    switch (m[2]) {
      case 'type':
        return /^(true-false|choice|(long-)?fill-in|matching|performance|sequencing|likert|numeric|other)$/
          .test(value) ? '0' : '406';
      case 'description':
        return /^(\{lang=([a-zA-Z]{2,3}|i|x)(-[a-zA-Z0-9-]{2,8})?\})?([^{].{0,250})?$/.test(value)
          ? '0' : '406';
      case 'timestamp':
        return /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d{1,2})?)?)?)?)?)?$/.test(value)
          ? '0' : '406';
      case 'result':
        return /^(correct|incorrect|unanticipated|neutral|-?\d{1,4}(\.\d{1,18})?)$/.test(value)
          ? '0' : '406';
      case 'learner_response':
      case 'correct_responses.0.pattern':
        if (!type) { return '408'; }
        return !RESPONSES[type] || RESPONSES[type](value) ? '0' : '406';
      default:
        return '401';
    }
  }

  function result2004(name, args, value, error) {
    lastError = error;
    log(name, args, value);
    return value;
  }

  var api2004 = {
    Initialize: function (arg) {
      /* After Terminate, only « Relancer l’unité » reloads the unit: that is a new launch, as
         Moodle opens its player again, so a new session starts (no 104). */
      if (state === 'running') { return result2004('Initialize', [arg], 'false', '103'); }
      if (arg !== '') { return result2004('Initialize', [arg], 'false', '201'); }
      state = 'running';
      sessions++;
      delete data['cmi.session_time'];
      delete data['cmi.exit'];
      return result2004('Initialize', [arg], 'true', '0');
    },
    Terminate: function (arg) {
      if (state !== 'running') {
        return result2004('Terminate', [arg], 'false', state === 'finished' ? '113' : '112');
      }
      state = 'finished';
      var total = durationSeconds(data['cmi.total_time']) + durationSeconds(data['cmi.session_time']);
      data['cmi.total_time'] = 'PT' + Math.floor(total / 3600) + 'H' + (Math.floor(total / 60) % 60)
        + 'M' + Math.round(total % 60) + 'S';
      data['cmi.entry'] = data['cmi.exit'] === 'suspend' ? 'resume' : '';
      save();
      return result2004('Terminate', [arg], 'true', '0');
    },
    GetValue: function (element) {
      if (state !== 'running') {
        return result2004('GetValue', [element], '', state === 'finished' ? '123' : '122');
      }
      if (WRITE_ONLY_2004.indexOf(element) >= 0) { return result2004('GetValue', [element], '', '405'); }
      var v = data[element];
      if (v === undefined) {
        var known = READ_ONLY_2004.indexOf(element) >= 0 || RW_2004[element]
          || /^cmi\.interactions\.\d+\./.test(element);
        return result2004('GetValue', [element], '', known ? '403' : '401');
      }
      return result2004('GetValue', [element], String(v), '0');
    },
    SetValue: function (element, value) {
      value = String(value);
      var args = [element, value];
      if (state !== 'running') {
        return result2004('SetValue', args, 'false', state === 'finished' ? '133' : '132');
      }
      if (READ_ONLY_2004.indexOf(element) >= 0) { return result2004('SetValue', args, 'false', '404'); }
      var error = interaction2004(element, value);
      if (error === null) {
        var check = RW_2004[element];
        if (!check) { return result2004('SetValue', args, 'false', '401'); }
        var ok = check(value);
        error = ok === true ? '0' : ok;
      }
      if (error !== '0') { return result2004('SetValue', args, 'false', error); }
      data[element] = value;
      return result2004('SetValue', args, 'true', '0');
    },
    Commit: function (arg) {
      if (state !== 'running') {
        return result2004('Commit', [arg], 'false', state === 'finished' ? '143' : '142');
      }
      save();
      return result2004('Commit', [arg], 'true', '0');
    },
    GetLastError: function () { return lastError; },
    GetErrorString: function (code) { return ERRORS_2004[code] || ''; },
    GetDiagnostic: function (code) { return ERRORS_2004[code || lastError] || ''; }
  };

  if (edition === '2004') {
    window.API_1484_11 = api2004;
  } else {
    window.API = api12;
  }

  window.coursepackPreview = {
    calls: calls,
    data: function () { return JSON.parse(JSON.stringify(data)); },
    state: function () { return state; },
    reset: function () {
      try { window.sessionStorage.removeItem(KEY); } catch (e) { /* private mode */ }
    }
  };

  /* ---- the panel ----------------------------------------------------------------------- */

  var SHOWN = edition === '2004'
    ? [['cmi.completion_status', 'Achèvement'], ['cmi.success_status', 'Réussite'],
      ['cmi.score.raw', 'Score'], ['cmi.progress_measure', 'Progression'],
      ['cmi.interactions._count', 'Interactions'], ['cmi.entry', 'Entrée'],
      ['cmi.exit', 'Sortie'], ['cmi.session_time', 'Durée de la session'],
      ['cmi.total_time', 'Durée totale'], ['cmi.suspend_data', 'suspend_data']]
    : [['cmi.core.lesson_status', 'Statut'], ['cmi.core.score.raw', 'Score'],
      ['cmi.interactions._count', 'Interactions'], ['cmi.core.entry', 'Entrée'],
      ['cmi.core.exit', 'Sortie'], ['cmi.core.session_time', 'Durée de la session'],
      ['cmi.core.total_time', 'Durée totale'], ['cmi.suspend_data', 'suspend_data']];
  var SUSPEND_MAX = edition === '2004' ? 64000 : 4096;
  var ERROR_TEXT = edition === '2004' ? ERRORS_2004 : ERRORS;

  function render() {
    var table = document.getElementById('lms-values');
    var list = document.getElementById('lms-calls');
    var status = document.getElementById('lms-state');
    if (!table || !list) { return; }
    status.textContent = (edition === '2004' ? 'SCORM 2004 — ' : 'SCORM 1.2 — ')
      + (state === 'running' ? 'Session ouverte' : state === 'finished'
        ? 'Session terminée (' + (edition === '2004' ? 'Terminate' : 'LMSFinish') + ')'
        : 'En attente de ' + (edition === '2004' ? 'Initialize' : 'LMSInitialize'));
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
        ? (v === '—' || v === '' ? '(vide)' : v.length + ' car. / ' + SUSPEND_MAX + ' : ' + v) : (v === '' ? '(vide)' : v);
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
        + ERROR_TEXT[c.error] + ']');
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
        /* The unit alone reloads: it ends its session (LMSFinish or Terminate) and starts a
           new one. */
        var sco = document.getElementById('sco');
        if (sco) { sco.contentWindow.location.reload(); }
      });
    }
  });
  window.addEventListener('pagehide', save);
})();
