'use strict';
// monitor-service's dashboard. Every watched cluster from the REST API, kept live by its event
// stream (/v1/clusters/{name}/events/stream): an event is added to the timeline and
// the cluster's health is read again at once. Nothing is fetched from anywhere but this service.
// Text from the API is only ever set as textContent, never parsed as HTML.

const clusters = new Map();
const TARGETS_EVERY_MS = 10000;
const HISTORY_EVERY_MS = 30000;
const EVENTS_SHOWN = 30;

async function getJson(path) {
  const r = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (r.status === 401) {
    throw new Error('the API token is missing: open the link scripts/up printed (/?token=...)');
  }
  if (!r.ok) {
    throw new Error(path + ': HTTP ' + r.status);
  }
  return r.json();
}

function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) {
    e.textContent = String(text);
  }
  if (className) {
    e.className = className;
  }
  return e;
}

function row(tbody, cells) {
  const tr = document.createElement('tr');
  for (const c of cells) {
    const td = el('td', c.text, c.className);
    tr.appendChild(td);
  }
  tbody.appendChild(tr);
  return tr;
}

function time(iso) {
  return iso ? new Date(iso).toLocaleTimeString() : '';
}

function path(name, rest) {
  return '/v1/clusters/' + encodeURIComponent(name) + '/' + rest;
}

async function loadTargets() {
  let targets;
  try {
    targets = await getJson('/v1/targets');
  } catch (e) {
    setConnection('monitor unreachable: ' + e.message);
    return;
  }
  const names = targets.map(t => t.name).sort();
  for (const name of names) {
    if (!clusters.has(name)) {
      add(name, names);
    }
  }
  for (const name of [...clusters.keys()]) {
    if (!names.includes(name)) {
      remove(name);
    }
  }
  document.getElementById('empty').hidden = names.length > 0;
}

function add(name, sortedNames) {
  const section = document.getElementById('cluster').content.firstElementChild.cloneNode(true);
  section.dataset.cluster = name;
  section.querySelector('.name').textContent = name;
  const main = document.getElementById('clusters');
  const after = sortedNames.slice(sortedNames.indexOf(name) + 1).map(n => clusters.get(n)).find(c => c);
  main.insertBefore(section, after ? after.section : null);
  const c = { section, source: null };
  clusters.set(name, c);
  refreshHealth(name);
  refreshEvents(name);
  refreshHistory(name);
  follow(name, c);
}

function remove(name) {
  const c = clusters.get(name);
  c.source.close();
  c.section.remove();
  clusters.delete(name);
}

function follow(name, c) {
  const source = new EventSource(path(name, 'events/stream'));
  source.onopen = () => setConnection('live');
  // the browser reconnects by itself; the page says so meanwhile
  source.onerror = () => setConnection('reconnecting…');
  source.onmessage = message => {
    const event = JSON.parse(message.data);
    addEvent(c.section, event, true);
    refreshHealth(name);
    if (event.kind === 'HEALTH') {
      refreshHistory(name);
    }
  };
  c.source = source;
}

function setConnection(text) {
  document.getElementById('connection').textContent = text;
}

async function refreshHealth(name) {
  const c = clusters.get(name);
  if (!c) {
    return;
  }
  try {
    renderHealth(c.section, await getJson(path(name, 'health')));
  } catch (e) {
    c.section.querySelector('.checked').textContent = e.message;
  }
}

function renderHealth(section, h) {
  section.className = 'cluster ' + h.status;
  const status = section.querySelector('.status');
  status.textContent = h.status;
  status.className = 'status ' + h.status;
  section.querySelector('.checked').textContent = h.checkedAt ? 'checked ' + time(h.checkedAt) : '';
  const reasons = section.querySelector('.reasons');
  reasons.replaceChildren(...(h.reasons || []).map(r => el('li', r)));

  const etcd = section.querySelector('.etcd tbody');
  etcd.replaceChildren();
  for (const m of h.etcd || []) {
    const tr = row(etcd, [
      { text: m.name },
      { text: m.reachable ? 'up' : 'down', className: m.reachable ? 'up' : 'down' },
      { text: m.leader ? 'leader' : m.learner ? 'learner' : 'follower' },
      { text: m.endpoint },
      { text: m.version }]);
    tr.dataset.member = m.name;
    if (m.error) {
      tr.title = m.error;
    }
  }
  section.querySelector('.etcd-panel').hidden = !(h.etcd && h.etcd.length);
  section.querySelector('.etcd-quorum').textContent = quorum(h.etcdQuorum);

  const swarm = section.querySelector('.swarm tbody');
  swarm.replaceChildren();
  for (const n of h.swarm || []) {
    const up = n.state === 'ready' || n.state === 'healthy';
    const tr = row(swarm, [
      { text: n.hostname },
      { text: n.state, className: up ? 'up' : 'down' },
      { text: (n.role || '') + (n.leader ? ' (leader)' : '') },
      { text: n.availability || '' },
      { text: n.address || '' }]);
    tr.dataset.node = n.hostname;
  }
  section.querySelector('.swarm-panel').hidden = !(h.swarm && h.swarm.length);
  section.querySelector('.swarm-quorum').textContent = quorum(h.swarmManagers, 'managers');

  const conditions = section.querySelector('.conditions tbody');
  conditions.replaceChildren();
  const list = (h.workloads && h.workloads.conditions) || [];
  for (const cond of list) {
    const tr = row(conditions, [
      { text: cond.type },
      { text: cond.status, className: cond.status === 'True' ? 'up' : 'down' },
      { text: cond.reason + (cond.message ? ': ' + cond.message : '') }]);
    tr.dataset.condition = cond.type;
  }
  section.querySelector('.conditions-panel').hidden = list.length === 0;
}

function quorum(q, what) {
  return q ? (what ? what + ' ' : '') + q.up + ' of ' + q.members + ' up, majority ' + q.majority + (q.held ? '' : ': quorum lost') : '';
}

async function refreshEvents(name) {
  const c = clusters.get(name);
  try {
    const events = await getJson(path(name, 'events'));
    c.section.querySelector('.timeline').replaceChildren();
    for (const e of events.slice(-EVENTS_SHOWN)) {
      addEvent(c.section, e, false);
    }
  } catch (e) {
    // the stream still brings what comes next
  }
}

function addEvent(section, e, fresh) {
  const list = section.querySelector('.timeline');
  const li = el('li', null, fresh ? 'new' : '');
  const t = el('time', time(e.time));
  t.dateTime = e.time;
  li.append(t, document.createTextNode(e.message));
  li.dataset.kind = e.kind;
  list.prepend(li);
  while (list.children.length > EVENTS_SHOWN) {
    list.lastElementChild.remove();
  }
}

async function refreshHistory(name) {
  const c = clusters.get(name);
  if (!c) {
    return;
  }
  try {
    drawHistory(c.section, await getJson(path(name, 'history?since=1h&step=1m')));
  } catch (e) {
    // kept as it was; the next refresh tries again
  }
}

function drawHistory(section, history) {
  const svg = section.querySelector('.history');
  const ns = 'http://www.w3.org/2000/svg';
  // the axis ends where the current step ends, so that the newest point (it starts at its step's
  // start, before now) shows whole at the right edge
  const step = history.stepSeconds * 1000;
  const span = Math.max(step, Date.parse(history.until) - Date.parse(history.since));
  const end = (Math.floor(Date.parse(history.until) / step) + 1) * step;
  const from = end - span;
  const width = Math.max(1, step / span * 600);
  svg.replaceChildren();
  for (const p of history.points) {
    const rect = document.createElementNS(ns, 'rect');
    rect.setAttribute('x', String(Math.max(0, (Date.parse(p.time) - from) / span * 600)));
    rect.setAttribute('y', '0');
    rect.setAttribute('width', String(width));
    rect.setAttribute('height', '40');
    rect.setAttribute('class', p.status);
    const title = document.createElementNS(ns, 'title');
    title.textContent = time(p.time) + ' ' + p.status + ' (' + p.healthy + '/' + p.samples + ' polls healthy)'
      + (p.notUp.length ? '; not up: ' + p.notUp.map(n => n.name + ' ' + n.state).join(', ') : '');
    rect.appendChild(title);
    svg.appendChild(rect);
  }
  svg.dataset.points = String(history.points.length);
  section.querySelector('.axis .from').textContent = new Date(from).toLocaleTimeString();
}

loadTargets();
setInterval(loadTargets, TARGETS_EVERY_MS);
setInterval(() => clusters.forEach((c, name) => refreshHistory(name)), HISTORY_EVERY_MS);
