// What both demo pages share: the page's elements (same ids on both), the connection state,
// the chat log, the room and member lists, and the action form built from the actions'
// documentation ({name: {version: {description, inputs: {name: {required, description}}}}}).
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  function time(ms) {
    var d = ms ? new Date(ms) : new Date();
    return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  function setState(state, label) {
    $('state').textContent = label || state;
    $('state').dataset.state = state;
    var connected = state === 'connected';
    ['join', 'leave', 'say', 'call'].forEach(function (id) { $(id).disabled = !connected; });
  }

  function addMessage(from, text, sentAt, cls) {
    var li = el('li', undefined, cls);
    if (from) { li.appendChild(el('span', from + ' · ' + time(sentAt), 'meta')); }
    li.appendChild(el('span', text, 'text'));
    $('messages').appendChild(li);
    $('messages').scrollTop = $('messages').scrollHeight;
  }

  function system(text) { addMessage(null, text, null, 'system'); }

  function fill(list, items, empty, render) {
    list.textContent = '';
    if (items.length === 0) { list.appendChild(el('li', empty, 'empty')); return; }
    items.forEach(function (item) { list.appendChild(render(item)); });
  }

  // the action list: names, each with its latest documented version (or none: free-form params)
  function showActions(names, docs) {
    var select = $('actionName');
    select.textContent = '';
    names.slice().sort().forEach(function (name) {
      var versions = docs && docs[name] ? Object.keys(docs[name]) : [];
      var option = el('option', name);
      option.value = name;
      option.doc = versions.length ? docs[name][versions[versions.length - 1]] : null;
      select.appendChild(option);
    });
    showInputs();
  }

  function input(name, placeholder, required) {
    var label = el('label', name);
    if (required) { label.appendChild(el('span', ' *', 'req')); }
    var field = el('input');
    field.name = name;
    field.id = 'input-' + name;
    field.placeholder = placeholder || name;
    label.htmlFor = field.id;
    $('inputs').appendChild(label);
    $('inputs').appendChild(field);
  }

  function showInputs() {
    var option = $('actionName').selectedOptions[0];
    var doc = option ? option.doc : { inputs: {} };
    $('inputs').textContent = '';
    if (!doc) {
      $('actionDescription').textContent = 'no documentation: give the params as a JSON object';
      input('params', '{"name": "value"}', false);
      $('input-params').dataset.json = 'true';
      return;
    }
    $('actionDescription').textContent = doc.description || '';
    Object.keys(doc.inputs || {}).forEach(function (name) {
      var spec = doc.inputs[name];
      input(name, spec.description, spec.required);
    });
  }

  // the form's params (empty fields left out); throws on a bad JSON params field
  function params() {
    var out = {};
    Array.prototype.forEach.call($('inputs').querySelectorAll('input'), function (field) {
      if (field.value === '') { return; }
      if (field.dataset.json) {
        var parsed = JSON.parse(field.value);
        Object.keys(parsed).forEach(function (k) { out[k] = parsed[k]; });
      } else {
        out[field.name] = field.value;
      }
    });
    return out;
  }

  function showResult(error, result) {
    $('actionError').hidden = !error;
    $('actionError').textContent = error || '';
    $('result').textContent = result === undefined ? '–' : JSON.stringify(result, null, 2);
  }

  $('actionName').addEventListener('change', showInputs);
  window.TetherDemo = {
    $: $, el: el, time: time, setState: setState, addMessage: addMessage, system: system, fill: fill,
    showActions: showActions, params: params, showResult: showResult
  };
})();
