// The JSTP demo page: @metarhia/jstp's own browser build (dist/jstp.umd.js, served by Tether
// at /public/javascript/jstp.umd.js, where it defines window.api.jstp) speaking JSTP over WebSocket (subprotocol metarhia-jstp) to
// Tether's JSTP endpoint: the actions are the methods of the actions interface ('api'), the rooms
// the chat interface ('chat': join, leave, view, say; room messages as its 'message' event).
// The client reconnects by itself and restores its session after a drop.
(function () {
  'use strict';
  var ui = window.TetherDemo;
  var $ = ui.$;
  var cfg = document.body.dataset;
  // the UMD build defines window.api.jstp (metarhia's convention), like require('@metarhia/jstp')
  var jstp = window.api && window.api.jstp;
  var connection = null;
  var api = null;
  var chat = null;
  var rooms = [];
  var selected = null;
  var myId = null; // JSTP tells no member id: learnt from the echo of our own first message
  var pendingSays = [];

  function errorText(err) {
    if (!err) { return null; }
    return err.message + (err.code !== undefined ? ' (JSTP error ' + err.code + ')' : '');
  }

  function renderRooms() {
    if (rooms.indexOf(selected) < 0) { selected = rooms.length ? rooms[rooms.length - 1] : null; }
    ui.fill($('rooms'), rooms, 'none yet', function (room) {
      var li = ui.el('li', room, room === selected ? 'selected' : '');
      li.addEventListener('click', function () { selected = room; renderRooms(); });
      return li;
    });
    $('membersRoom').textContent = selected || '–';
    $('chatRoom').textContent = selected ? 'in ' + selected : '(join a room to chat)';
    refreshMembers();
  }

  function refreshMembers() {
    if (!selected || !chat) { ui.fill($('members'), [], 'join a room to see who is here'); return; }
    chat.view(selected, function (err, view) {
      if (err) { ui.fill($('members'), [], errorText(err)); return; }
      var ids = Object.keys((view && view.members) || {});
      ui.fill($('members'), ids, 'nobody', function (id) { return ui.el('li', id, id === myId ? 'me' : ''); });
    });
  }

  function onMessage(m) {
    var i = myId ? -1 : pendingSays.findIndex(function (p) { return p.room === m.room && p.text === m.message; });
    if (i >= 0) {
      pendingSays.splice(i, 1);
      myId = m.from;
      $('clientId').textContent = myId;
    }
    var mine = m.from === myId;
    ui.addMessage(mine ? 'you → ' + m.room : m.from + ' → ' + m.room, m.message, m.sentAt, mine ? 'mine' : '');
    if (m.room === selected) { refreshMembers(); }
  }

  function actionNames() {
    return Object.keys(api).filter(function (k) { return k.charAt(0) !== '_' && typeof api[k] === 'function'; })
        .filter(function (k) { return !(k in Object.getPrototypeOf(api)); });
  }

  function loadActions() {
    var names = actionNames();
    fetch('/documentation.json').then(function (r) { return r.ok ? r.json() : null; })
        .catch(function () { return null; })
        .then(function (docs) { ui.showActions(names, docs); });
  }

  function callAction(event) {
    event.preventDefault();
    var name = $('actionName').value;
    var params;
    try { params = ui.params(); } catch (e) { ui.showResult('params: ' + e.message); return; }
    if (!api || typeof api[name] !== 'function') { ui.showResult('no such method: ' + name); return; }
    $('result').textContent = '…';
    $('actionError').hidden = true;
    var done = function (err, result) {
      if (err) { ui.showResult(errorText(err), { error: [err.code, err.message] }); return; }
      ui.showResult(null, result === undefined ? null : result);
    };
    if (Object.keys(params).length) { api[name](params, done); } else { api[name](done); }
  }

  function roomCommand(join) {
    var room = $('roomName').value.trim();
    if (!room) { return; }
    (join ? chat.join : chat.leave).call(chat, room, function (err) {
      if (err) { ui.system((join ? 'join ' : 'leave ') + room + ': ' + errorText(err)); return; }
      if (join) {
        if (rooms.indexOf(room) < 0) { rooms.push(room); }
        selected = room;
      } else {
        rooms = rooms.filter(function (r) { return r !== room; });
      }
      ui.system((join ? 'joined ' : 'left ') + room);
      renderRooms();
    });
  }

  function url() {
    return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + cfg.jstpPath;
  }

  function connect(attempt) {
    jstp.ws.connectAndInspect(cfg.application, null, [cfg.actionsInterface, cfg.chatInterface], url(),
        function (err, conn, interfaces) {
          if (err) {
            var wait = Math.min(30, Math.pow(2, attempt));
            ui.setState('reconnecting', 'retry in ' + wait + ' s');
            ui.system('connect failed: ' + (errorText(err) || 'the server does not answer') + '; retrying in ' + wait + ' s');
            setTimeout(function () { connect(attempt + 1); }, wait * 1000);
            return;
          }
          connection = conn;
          window.demoConnection = conn;
          api = interfaces[cfg.actionsInterface];
          chat = interfaces[cfg.chatInterface];
          chat.on('message', onMessage);
          conn.on('error', function (e) { ui.system('connection error: ' + (e && e.message)); });
          conn.on('close', function () {
            if (!conn.closedIntentionally) { ui.setState('reconnecting'); }
          });
          conn.on('reconnect', function (e) {
            if (e) { return; }
            ui.setState('connected');
            ui.system('reconnected: session restored');
          });
          ui.setState('connected');
          ui.system('connected to ' + cfg.application + ' (JSTP over WebSocket)');
          renderRooms();
          loadActions();
        });
  }

  function start() {
    $('jstpUrl').textContent = cfg.jstpPath ? url() : 'not served';
    if (!cfg.jstpPath || !cfg.application) {
      ui.setState('unavailable');
      ui.system('JSTP over WebSocket is not served here (tether.http.jstp-path, tether.jstp.enabled, '
          + 'tether.jstp.builtin-application)');
      return;
    }
    if (!jstp || !jstp.ws) {
      ui.setState('unavailable');
      ui.system('the JSTP browser build is not served: /public/javascript/jstp.umd.js (tether.http.jstp-client-script)');
      return;
    }
    connect(0);
  }

  $('roomForm').addEventListener('submit', function (e) { e.preventDefault(); roomCommand(true); });
  $('leave').addEventListener('click', function () { roomCommand(false); });
  $('refreshMembers').addEventListener('click', refreshMembers);
  $('actionForm').addEventListener('submit', callAction);
  $('sayForm').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = $('sayText').value;
    if (!selected) { ui.system('join a room first'); return; }
    if (!text) { return; }
    var room = selected;
    if (!myId) { pendingSays.push({ room: room, text: text }); }
    chat.say(room, text, function (err) {
      if (err) { ui.system('say: ' + errorText(err)); } else { $('sayText').value = ''; }
    });
  });
  ui.setState('connecting');
  start();
})();
