// The demo page: ActionHero's own ActionheroWebsocketClient (served by Tether at
// /public/javascript/ActionheroWebsocketClient.js) against Tether's Primus endpoint.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var selected = null;
  var client;

  function setState(state) {
    $('state').textContent = state;
    $('state').dataset.state = state;
    var connected = state === 'connected';
    ['join', 'leave', 'say', 'call'].forEach(function (id) { $(id).disabled = !connected; });
  }

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

  function renderRooms() {
    var rooms = client.rooms || [];
    if (rooms.indexOf(selected) < 0) { selected = rooms.length ? rooms[rooms.length - 1] : null; }
    fill($('rooms'), rooms, 'none yet', function (room) {
      var li = el('li', room, room === selected ? 'selected' : '');
      li.addEventListener('click', function () { selected = room; renderRooms(); });
      return li;
    });
    $('membersRoom').textContent = selected || '–';
    $('chatRoom').textContent = selected ? 'in ' + selected : '(join a room to chat)';
    refreshMembers();
  }

  function refreshMembers() {
    if (!selected) { fill($('members'), [], 'join a room to see who is here'); return; }
    client.roomView(selected, function (reply) {
      if (reply.error) { fill($('members'), [], reply.error); return; }
      var ids = Object.keys(reply.data.members || {});
      fill($('members'), ids, 'nobody', function (id) { return el('li', id, id === client.id ? 'me' : ''); });
    });
  }

  function showDocs(docs) {
    var select = $('actionName');
    select.textContent = '';
    Object.keys(docs).sort().forEach(function (name) {
      var versions = Object.keys(docs[name]);
      var doc = docs[name][versions[versions.length - 1]];
      var option = el('option', name);
      option.value = name;
      option.doc = doc;
      select.appendChild(option);
    });
    showInputs();
  }

  function showInputs() {
    var option = $('actionName').selectedOptions[0];
    var doc = option ? option.doc : { inputs: {} };
    $('actionDescription').textContent = doc.description || '';
    var inputs = $('inputs');
    inputs.textContent = '';
    Object.keys(doc.inputs || {}).forEach(function (name) {
      var spec = doc.inputs[name];
      var label = el('label', name);
      if (spec.required) { label.appendChild(el('span', ' *', 'req')); }
      var input = el('input');
      input.name = name;
      input.id = 'input-' + name;
      input.placeholder = spec.description || name;
      label.htmlFor = input.id;
      inputs.appendChild(label);
      inputs.appendChild(input);
    });
  }

  function callAction(event) {
    event.preventDefault();
    var params = {};
    Array.prototype.forEach.call($('inputs').querySelectorAll('input'), function (input) {
      if (input.value !== '') { params[input.name] = input.value; }
    });
    $('result').textContent = '…';
    $('actionError').hidden = true;
    client.action($('actionName').value, params, function (reply) {
      if (reply.error) {
        $('actionError').textContent = reply.error;
        $('actionError').hidden = false;
      }
      $('result').textContent = JSON.stringify(reply, null, 2);
    });
  }

  function roomCommand(join) {
    var room = $('roomName').value.trim();
    if (!room) { return; }
    var done = function (reply) {
      if (reply.error) { system((join ? 'join ' : 'leave ') + room + ': ' + reply.error); return; }
      if (join) { selected = room; }
      system((join ? 'joined ' : 'left ') + room);
      renderRooms();
    };
    if (join) { client.roomAdd(room, done); } else { client.roomLeave(room, done); }
  }

  function start() {
    if (typeof ActionheroWebsocketClient === 'undefined') {
      setState('unavailable');
      system('ActionHero\'s client script is not served: /public/javascript/ActionheroWebsocketClient.js');
      return;
    }
    client = new ActionheroWebsocketClient();
    window.demoClient = client;
    client.on('connected', function () { setState('connected'); });
    client.on('disconnected', function () { setState('disconnected'); });
    client.on('reconnecting', function () { setState('reconnecting'); });
    client.on('reconnect', function () { setState('connected'); });
    client.on('timeout', function () { setState('timeout'); });
    client.on('welcome', function (m) { system(m.welcome); });
    client.on('say', function (m) {
      addMessage(m.from === client.id ? 'you → ' + m.room : m.from + ' → ' + m.room, m.message, m.sentAt,
          m.from === client.id ? 'mine' : '');
      if (m.room === selected) { refreshMembers(); }
    });
    client.on('api', function (m) { if (m.error) { system('server: ' + m.error); } });
    client.connect(function (error, details) {
      if (error) { system('connect failed: ' + error); return; }
      $('clientId').textContent = details.data.id;
      renderRooms();
      client.documentation(function (reply) { showDocs(reply.data || {}); });
    });
  }

  $('roomForm').addEventListener('submit', function (e) { e.preventDefault(); roomCommand(true); });
  $('leave').addEventListener('click', function () { roomCommand(false); });
  $('refreshMembers').addEventListener('click', refreshMembers);
  $('actionName').addEventListener('change', showInputs);
  $('actionForm').addEventListener('submit', callAction);
  $('sayForm').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = $('sayText').value;
    if (!selected) { system('join a room first'); return; }
    if (!text) { return; }
    client.say(selected, text, function (reply) {
      if (reply.error) { system('say: ' + reply.error); } else { $('sayText').value = ''; }
    });
  });
  setState('connecting');
  start();
})();
