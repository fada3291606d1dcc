// The ActionHero demo page: ActionHero's own ActionheroWebsocketClient (served by Tether at
// /public/javascript/ActionheroWebsocketClient.js) against Tether's Primus endpoint.
(function () {
  'use strict';
  var ui = window.TetherDemo;
  var $ = ui.$;
  var selected = null;
  var client;

  function renderRooms() {
    var rooms = client.rooms || [];
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
    if (!selected) { ui.fill($('members'), [], 'join a room to see who is here'); return; }
    client.roomView(selected, function (reply) {
      if (reply.error) { ui.fill($('members'), [], reply.error); return; }
      var ids = Object.keys(reply.data.members || {});
      ui.fill($('members'), ids, 'nobody', function (id) { return ui.el('li', id, id === client.id ? 'me' : ''); });
    });
  }

  function callAction(event) {
    event.preventDefault();
    var params;
    try { params = ui.params(); } catch (e) { ui.showResult('params: ' + e.message); return; }
    $('result').textContent = '…';
    $('actionError').hidden = true;
    client.action($('actionName').value, params, function (reply) {
      ui.showResult(reply.error, reply);
    });
  }

  function roomCommand(join) {
    var room = $('roomName').value.trim();
    if (!room) { return; }
    var done = function (reply) {
      if (reply.error) { ui.system((join ? 'join ' : 'leave ') + room + ': ' + reply.error); return; }
      if (join) { selected = room; }
      ui.system((join ? 'joined ' : 'left ') + room);
      renderRooms();
    };
    if (join) { client.roomAdd(room, done); } else { client.roomLeave(room, done); }
  }

  function start() {
    if (typeof ActionheroWebsocketClient === 'undefined') {
      ui.setState('unavailable');
      ui.system('ActionHero\'s client script is not served: /public/javascript/ActionheroWebsocketClient.js');
      return;
    }
    client = new ActionheroWebsocketClient();
    window.demoClient = client;
    client.on('connected', function () { ui.setState('connected'); });
    client.on('disconnected', function () { ui.setState('disconnected'); });
    client.on('reconnecting', function () { ui.setState('reconnecting'); });
    client.on('reconnect', function () { ui.setState('reconnecting'); }); // Primus' 'reconnect': an attempt
    client.on('timeout', function () { ui.setState('timeout'); });
    client.on('welcome', function (m) { ui.system(m.welcome); });
    client.on('say', function (m) {
      var mine = m.from === client.id;
      ui.addMessage(mine ? 'you → ' + m.room : m.from + ' → ' + m.room, m.message, m.sentAt, mine ? 'mine' : '');
      if (m.room === selected) { refreshMembers(); }
    });
    client.on('api', function (m) { if (m.error) { ui.system('server: ' + m.error); } });
    client.connect(function (error, details) {
      if (error) { ui.system('connect failed: ' + error); return; }
      $('clientId').textContent = details.data.id;
      renderRooms();
      client.documentation(function (reply) {
        var docs = reply.data || {};
        ui.showActions(Object.keys(docs), docs);
      });
    });
    client.client.on('reconnected', function () { ui.setState('connected'); });
    // Primus' "end": the server ended the connection (e.g. it shut down) and said not to reconnect
    client.client.on('end', function () {
      ui.setState('ended', 'ended by the server');
      ui.system('the server ended the connection; reload the page to connect again');
    });
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
    client.say(selected, text, function (reply) {
      if (reply.error) { ui.system('say: ' + reply.error); } else { $('sayText').value = ''; }
    });
  });
  ui.setState('connecting');
  start();
})();
