// RingLab admin dashboard. Reads /api/cluster about once a second (the dashboard polls every service and keeps
// the result) and shows the ring, the agents and the load clients; every control is a POST or PUT under
// /api/control with the session's CSRF token. Elements carry stable ids and data-* attributes (data-server,
// data-agent, data-client, data-state, data-control) for people's scripts and the browser test. In a multi-host lab
// (bin/ringlab-lab) a faults panel reads and drives the launcher's faults through /api/lab.
'use strict';

const page = {
  csrf: null,
  // the controls' bounds, from /api/session (ControlLimits on the server)
  limits: null,
  servers: new Map(),
  agents: new Map(),
  clients: new Map(),
  rates: new Map(),
  pollMs: 1000,
  windowMs: 5 * 60 * 1000,
  history: {},
  messageTimer: null,
  faults: new Map(),
  faultEventsMark: null,
  grafana: null,
  linkCounts: new Map(),
  timelineServers: new Map(),
  timelineClients: new Map(),
  events: [],
  lastEventSeq: 0,
  eventFilterMark: null,
  roundShown: undefined,
  roundTimer: null,
};

// ---- small helpers ----

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'className') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

function badge(text, kind) {
  return el('span', {className: 'badge ' + kind, text});
}

/** Marks a service that missed the last polls but is not yet counted unreachable: its figures are older. */
function slowBadge(service) {
  if (!service.reachable || !service.missedPolls) return null;
  const slow = badge('no answer to the last poll' + (service.missedPolls > 1 ? 's' : ''), 'slow');
  slow.title = service.error || '';
  return slow;
}

function fresh(service) {
  return service.reachable && !service.missedPolls;
}

const DASH = '—';

function number(value) {
  return value === null || value === undefined ? DASH : Math.round(value).toLocaleString('en-US');
}

function fixed(value, digits, unit = '') {
  return value === null || value === undefined || Number.isNaN(value) ? DASH : value.toFixed(digits) + unit;
}

function seconds(ms) {
  return ms < 10000 ? (ms / 1000).toFixed(1) + ' s' : Math.round(ms / 1000) + ' s';
}

function clock(time) {
  return new Date(time).toLocaleTimeString('en-GB', {hour12: false});
}

/**
 * Per-second rate of a cumulative count between two polls; null until two polls have been seen. A status kept
 * from an earlier poll (the service missed this one) leaves the rate as it was.
 */
function rate(key, count, time, fresh = true) {
  if (count === null || count === undefined) {
    page.rates.delete(key);
    return null;
  }
  const previous = page.rates.get(key);
  if (!fresh) return previous ? previous.rate : null;
  if (previous && previous.time === time) return previous.rate;
  let value = null;
  if (previous && count >= previous.count && time > previous.time) {
    value = (count - previous.count) * 1000 / (time - previous.time);
  }
  page.rates.set(key, {count, time, rate: value});
  return value;
}

function figure(label, field) {
  return el('div', {className: 'figure'}, el('div', {className: 'label', text: label}),
    el('div', {className: 'value', 'data-field': field, text: DASH}));
}

function field(root, name) {
  return root.querySelector('[data-field="' + name + '"]');
}

// ---- messages and controls ----

function showMessage(text, error = false) {
  const message = document.getElementById('message');
  message.textContent = text;
  message.classList.toggle('error', error);
  message.hidden = false;
  clearTimeout(page.messageTimer);
  page.messageTimer = setTimeout(() => { message.hidden = true; }, error ? 10000 : 4000);
}

/** Sends a control: {ok, detail}, where detail is the problem the dashboard or the service answered. */
async function send(method, path, body) {
  const headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
  headers[page.csrf.headerName] = page.csrf.token;
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    return {ok: false, detail: 'the dashboard did not answer'};
  }
  if (response.status === 401) {
    location.replace('/login');
    return {ok: false, detail: 'signed out'};
  }
  if (response.ok) return {ok: true, detail: null};
  let detail = 'HTTP ' + response.status;
  try {
    const problem = await response.json();
    if (problem.detail) detail = problem.detail;
  } catch (ignored) {
    // not a problem document: the status says enough
  }
  return {ok: false, detail};
}

/** Sends a control; shows the result, or the problem detail the dashboard or the service answered. */
async function control(method, path, body, what) {
  const result = await send(method, path, body);
  showMessage(what + ': ' + (result.ok ? 'done' : result.detail), !result.ok);
  return result.ok;
}

function button(text, controlName, onclick, extra = {}) {
  return el('button', Object.assign({type: 'button', 'data-control': controlName, text, onclick}, extra));
}

function renderGlobalControls() {
  document.getElementById('ring-controls').append(
    button('Pause periodic elections', 'pause-periodic',
      () => control('POST', '/api/control/ring/periodic/pause', undefined, 'Pause periodic elections'),
      {id: 'pause-periodic'}),
    button('Resume periodic elections', 'resume-periodic',
      () => control('POST', '/api/control/ring/periodic/resume', undefined, 'Resume periodic elections'),
      {id: 'resume-periodic'}));
  document.getElementById('load-controls').append(
    button('Start all load', 'start-all', () => page.clients.forEach((_, name) => startLoad(name)), {id: 'start-all'}),
    button('Stop all load', 'stop-all', () => page.clients.forEach((_, name) => stopLoad(name)), {id: 'stop-all'}));
}

function startLoad(name) {
  return control('POST', '/api/control/clients/' + encodeURIComponent(name) + '/start', undefined, 'Start ' + name);
}

function stopLoad(name) {
  return control('POST', '/api/control/clients/' + encodeURIComponent(name) + '/stop', undefined, 'Stop ' + name);
}

// ---- the ring ----

/** Panels of the Grafana dashboard ringlab-overview, per role. */
const GRAFANA_PANELS = {server: 6, agent: 11, client: 1};

/** A link to a role's panel in Grafana, when the dashboard was given one (ringlab.dashboard.grafana-url). */
function grafanaLink(role, name) {
  if (!page.grafana) return null;
  return el('a', {className: 'grafana-link', 'data-grafana': role, target: '_blank', rel: 'noopener',
    href: page.grafana + '/d/ringlab-overview/ringlab-overview?viewPanel=' + GRAFANA_PANELS[role],
    title: name + ' in Grafana', text: 'Grafana ↗'});
}

function serverName(view, id) {
  return id ? (view.serverNames[id] || id) : DASH;
}

/** Every committed round any server reports, newest first. */
function latestRounds(view) {
  const rounds = new Map();
  for (const server of view.servers) {
    for (const winner of (server.ring && server.ring.lastWinners) || []) {
      if (!rounds.has(winner.round)) rounds.set(winner.round, winner);
    }
  }
  return [...rounds.values()].sort((a, b) => String(b.finishedAt).localeCompare(String(a.finishedAt)));
}

function serverRow(name) {
  const path = '/api/control/servers/' + encodeURIComponent(name);
  const downSeconds = el('input', {type: 'number', min: 1, max: page.limits.downSeconds, value: 15, 'data-control': 'down-seconds',
    id: 'down-seconds-' + name, 'aria-label': 'seconds down for ' + name});
  const tr = el('tr', {'data-server': name, 'data-state': 'unknown', id: 'server-' + name},
    el('td', {}, el('strong', {text: name}), ' ', grafanaLink('server', name)),
    el('td', {'data-field': 'state'}),
    el('td', {'data-field': 'value', className: 'num'}),
    el('td', {'data-field': 'round'}),
    el('td', {'data-field': 'neighbours'}),
    el('td', {'data-field': 'periodic'}),
    el('td', {'data-field': 'rate', className: 'num'}),
    el('td', {'data-field': 'received', className: 'num'}),
    el('td', {className: 'row-controls'},
      button('Start election', 'election',
        () => control('POST', path + '/election', undefined, 'Election from ' + name), {id: 'election-' + name}),
      downSeconds, el('span', {className: 'muted', text: 's'}),
      button('Take down', 'take-down', () => control('POST', path + '/down',
        {seconds: Number(downSeconds.value)}, 'Take ' + name + ' down'),
        {id: 'take-down-' + name, className: 'danger', title: 'take ' + name + ' down for the seconds given'}),
      button('Bring up', 'bring-up', () => control('POST', path + '/up', undefined, 'Bring ' + name + ' up'),
        {id: 'bring-up-' + name})));
  return {tr, downSeconds};
}

function renderServers(view) {
  const tbody = document.querySelector('#servers tbody');
  const rounds = latestRounds(view);
  const electedName = rounds.length ? serverName(view, rounds[0].winner) : null;
  let paused = 0;
  let periodic = 0;
  let reachable = 0;
  for (const server of view.servers) {
    let row = page.servers.get(server.name);
    if (!row) {
      row = serverRow(server.name);
      page.servers.set(server.name, row);
      tbody.append(row.tr);
    }
    const status = server.status;
    const ring = server.ring;
    const stateCell = field(row.tr, 'state');
    let state;
    if (!server.reachable) {
      state = 'unreachable';
      stateCell.replaceChildren(badge('unreachable', 'unreachable'));
      stateCell.title = server.error || '';
    } else {
      reachable++;
      state = status.state === 'down' ? 'down' : (ring && ring.state === 'restarting' ? 'restarting' : 'up');
      const reason = status.downReason === 'election' ? 'elected' : status.downReason;
      const label = state === 'down'
        ? 'down' + (reason ? ' (' + reason + ')' : '') + ' · ' + seconds(status.downForMs) + ' left' : state;
      stateCell.replaceChildren(badge(label, state === 'up' ? 'up' : 'down'));
      if (electedName === server.name) stateCell.append(badge('elected', 'elected'));
      if (slowBadge(server)) stateCell.append(slowBadge(server));
      stateCell.title = '';
    }
    row.tr.dataset.state = state;
    row.tr.classList.toggle('unreachable', !server.reachable);
    if (ring && ring.periodicEnabled) periodic++;
    if (ring && ring.periodicEnabled && ring.periodicPaused) paused++;
    setText(field(row.tr, 'value'), ring && ring.value >= 0 ? String(ring.value) : DASH);
    const round = field(row.tr, 'round');
    setText(round, ring && ring.round !== 'none' ? ring.round + ' (' + ring.phase + ')' : DASH);
    round.title = round.textContent;
    setText(field(row.tr, 'neighbours'), ring ? serverName(view, ring.left) + ' ← · → ' + serverName(view, ring.right) : DASH);
    setText(field(row.tr, 'periodic'), !ring ? DASH : !ring.periodicEnabled ? 'off'
      : ring.periodicPaused ? 'paused' : ring.nextElectionInMs >= 0 ? 'next in ' + seconds(ring.nextElectionInMs) : 'on');
    setText(field(row.tr, 'rate'), fixed(rate('server/' + server.name, status ? status.requestsReceived : null,
      view.polledAt, fresh(server)), 0));
    setText(field(row.tr, 'received'), status ? number(status.requestsReceived) : DASH);
    row.tr.querySelector('[data-control="take-down"]').disabled = !server.reachable || state === 'down';
    row.tr.querySelector('[data-control="election"]').disabled = !server.reachable;
    // an election's downtime ends only with the ring's permits: the server refuses to end it early
    row.tr.querySelector('[data-control="bring-up"]').disabled = !server.reachable || state !== 'down'
      || status.downReason === 'election';
  }
  setText(document.getElementById('periodic-summary'), reachable === 0 ? ''
    : periodic === 0 ? 'periodic elections off (rounds start from here only)'
      : paused === 0 ? 'periodic elections running'
        : 'periodic elections paused on ' + paused + ' of ' + periodic + ' servers');
  renderRounds(view, rounds.slice(0, 8));
}

function renderRounds(view, rounds) {
  const tbody = document.querySelector('#rounds tbody');
  const rows = rounds.map(round => el('tr', {'data-round': round.round},
    el('td', {text: round.round}),
    el('td', {text: serverName(view, round.winner)}),
    el('td', {className: 'num', text: String(round.value)}),
    el('td', {className: 'num', text: fixed(round.durationMs, 1, ' ms')}),
    el('td', {className: 'num', text: String(round.messagesSent)}),
    el('td', {text: round.finishedAt ? clock(Date.parse(round.finishedAt)) : DASH})));
  if (rows.length === 0) {
    rows.push(el('tr', {}, el('td', {colspan: 6, className: 'muted', text: 'no round committed yet'})));
  }
  tbody.replaceChildren(...rows);
}

// ---- the ring picture ----

const SVG_NS = 'http://www.w3.org/2000/svg';
const RING = {cx: 470, cy: 220, radius: 160, agentX: 20, agentWidth: 96, agentHeight: 30};

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** The servers' names in ring order: the ring's member list as a reachable server reports it, then any others. */
function ringOrder(view) {
  const reporting = view.servers.find(server => server.ring && server.ring.members && server.ring.members.length);
  const names = reporting ? reporting.ring.members.map(id => serverName(view, id)) : [];
  const known = new Set(view.servers.map(server => server.name));
  const order = names.filter(name => known.has(name));
  for (const server of view.servers) if (!order.includes(server.name)) order.push(server.name);
  return order;
}

function serverState(server) {
  if (!server.reachable) return 'unreachable';
  if (server.status && server.status.state === 'down') return 'down';
  if (server.ring && server.ring.state === 'restarting') return 'restarting';
  return 'up';
}

/** Each agent's share of its requests per server id over the last poll (null with no request in it). */
function recentShares(agent) {
  const shares = new Map();
  const servers = agent.status ? agent.status.servers : [];
  let total = 0;
  const deltas = servers.map(share => {
    const key = agent.name + '/' + share.server;
    const before = page.linkCounts.get(key);
    page.linkCounts.set(key, share.forwarded);
    const delta = before === undefined ? 0 : Math.max(0, share.forwarded - before);
    total += delta;
    return [share.server, delta];
  });
  for (const [server, delta] of deltas) shares.set(server, total > 0 ? delta / total : null);
  return shares;
}

function nodeShape(state, x, y, r, suspected) {
  const cls = 'node node-' + state + (suspected ? ' suspected' : '');
  if (state === 'down') return svg('rect', {x: x - r, y: y - r, width: 2 * r, height: 2 * r, class: cls});
  if (state === 'restarting') {
    return svg('polygon', {points: [[x, y - r], [x + r, y], [x, y + r], [x - r, y]].map(p => p.join(',')).join(' '),
      class: cls});
  }
  if (state === 'unreachable') {
    return svg('g', {}, svg('circle', {cx: x, cy: y, r, class: cls}),
      svg('path', {d: `M${x - r / 2},${y - r / 2}L${x + r / 2},${y + r / 2}M${x + r / 2},${y - r / 2}L${x - r / 2},${y + r / 2}`,
        class: 'node-unreachable'}));
  }
  return svg('circle', {cx: x, cy: y, r, class: cls});
}

/** Draws the view's ring into {@code picture}: the page's own by default (the browser test draws a view of its own). */
function renderRingPicture(view, picture = document.getElementById('ring-picture')) {
  const order = ringOrder(view);
  const byName = new Map(view.servers.map(server => [server.name, server]));
  const n = Math.max(order.length, 1);
  const r = n > 10 ? 13 : n > 6 ? 17 : 22;
  const positions = new Map(order.map((name, i) => {
    const angle = -Math.PI / 2 + 2 * Math.PI * i / n;
    return [name, {x: RING.cx + RING.radius * Math.cos(angle), y: RING.cy + RING.radius * Math.sin(angle), angle}];
  }));
  const suspected = new Set();
  for (const server of view.servers) {
    for (const id of (server.ring && server.ring.suspected) || []) suspected.add(serverName(view, id));
  }
  const parts = [svg('defs', {}, svg('marker', {id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7,
    markerHeight: 7, orient: 'auto-start-reverse'}, svg('path', {d: 'M0,0L10,5L0,10z', fill: '#9aa3b5'})))];
  // neighbour links, as each server reports its right neighbour (in ring order when it reports none)
  order.forEach((name, i) => {
    const server = byName.get(name);
    const right = server && server.ring && server.ring.right ? serverName(view, server.ring.right) : order[(i + 1) % n];
    const from = positions.get(name);
    const to = positions.get(right);
    if (!to || right === name) return;
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const length = Math.hypot(dx, dy) || 1;
    parts.push(svg('line', {class: 'neighbour', 'data-neighbour': name + '>' + right, 'marker-end': 'url(#arrow)',
      x1: from.x + dx * r / length, y1: from.y + dy * r / length,
      x2: to.x - dx * (r + 3) / length, y2: to.y - dy * (r + 3) / length}));
  });
  // the agents, each with a link to every server it has in rotation
  const agents = view.agents;
  agents.forEach((agent, i) => {
    const y = 40 + (agents.length === 1 ? 180 : i * 360 / Math.max(agents.length - 1, 1));
    const shares = recentShares(agent);
    const links = [];
    for (const share of (agent.status ? agent.status.servers : [])) {
      const name = serverName(view, share.server);
      const to = positions.get(name);
      if (!to || !share.up) continue;
      const recent = shares.get(share.server);
      links.push(svg('line', {class: 'agent-link', 'data-link-agent': agent.name, 'data-link-server': name,
        'data-share': recent === null ? '' : recent.toFixed(3),
        'stroke-width': recent === null ? 1 : (1 + 11 * recent).toFixed(1), 'stroke-dasharray': recent === null ? '3 3' : null,
        x1: RING.agentX + RING.agentWidth, y1: y, x2: to.x, y2: to.y},
        svg('title', {text: agent.name + ' → ' + name + ': ' + (recent === null ? 'no request in the last poll'
          : (recent * 100).toFixed(0) + ' % of its requests')})));
    }
    parts.push(svg('g', {'data-ring-agent': agent.name, 'data-reachable': String(agent.reachable)}, ...links,
      svg('rect', {class: 'agent-box', x: RING.agentX, y: y - RING.agentHeight / 2, width: RING.agentWidth,
        height: RING.agentHeight, rx: 6, 'stroke-dasharray': agent.reachable ? null : '4 3'}),
      svg('text', {x: RING.agentX + 8, y: y + 4, text: agent.name + (agent.reachable ? '' : ' ✕')})));
  });
  // the servers on top
  order.forEach((name, i) => {
    const server = byName.get(name);
    const {x, y, angle} = positions.get(name);
    const state = serverState(server);
    const skipped = suspected.has(name);
    let stateText = state;
    if (state === 'down') {
      const reason = server.status.downReason === 'election' ? 'elected' : server.status.downReason;
      stateText = 'down' + (reason ? ' (' + reason + ')' : '') + ' ' + seconds(server.status.downForMs);
    }
    const outAt = agents.filter(agent => agent.status && agent.status.servers.some(share =>
      serverName(view, share.server) === name && !share.up)).map(agent => agent.name);
    if (state === 'up' && outAt.length) stateText += ', out at ' + outAt.join(', ');
    if (skipped) stateText += ', skipped';
    const lx = x + (r + 14) * Math.cos(angle);
    const ly = y + (r + 14) * Math.sin(angle);
    const anchor = Math.abs(Math.cos(angle)) < 0.3 ? 'middle' : Math.cos(angle) > 0 ? 'start' : 'end';
    const below = Math.sin(angle) > 0.3 ? 10 : Math.sin(angle) < -0.3 ? -14 : 0;
    const value = server && server.ring && server.ring.value >= 0 ? String(server.ring.value) : '';
    parts.push(svg('g', {'data-ring-server': name, 'data-order': String(i), 'data-state': state,
      'data-winner': 'false', 'data-skipped': String(skipped)},
      svg('title', {text: name + ': ' + stateText}),
      nodeShape(state, x, y, r, skipped),
      svg('text', {x, y: y + 4, 'text-anchor': 'middle', class: 'value', text: value}),
      svg('text', {x: lx, y: ly + below, 'text-anchor': anchor, 'data-field': 'name', text: name}),
      svg('text', {x: lx, y: ly + below + 13, 'text-anchor': anchor, class: 'state-text', 'data-field': 'state',
        text: stateText})));
  });
  parts.push(svg('text', {x: RING.cx, y: RING.cy - 4, 'text-anchor': 'middle', 'data-field': 'last-round'}),
    svg('text', {x: RING.cx, y: RING.cy + 14, 'text-anchor': 'middle', class: 'winner-mark', 'data-field': 'winner'}));
  const title = picture.querySelector('title');
  picture.replaceChildren(...(title ? [title] : []), ...parts);
  paintRound(picture);
}

// ---- the round drawn as it happens ----

/** One step of a round's replay: a nominee hop, a result hop; about what a person can follow. */
const HOP_MS = 350;
const reducedMotion = window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;
const PHASE_TEXT = {started: 'started by', nominee: 'nominee reaches', result: 'result reaches', won: 'won by'};

/**
 * A round's replay, from its status: started at its initiator, the winning nominee hop by hop both ways from the
 * winner until the waves meet, the result back round to the winner, then the winner marked.
 */
function roundFrames(view, round) {
  const hops = (round.nomineeHops || []).map(step => step.map(id => serverName(view, id)));
  return [{phase: 'started', lit: [serverName(view, round.initiator)]},
    ...hops.map(lit => ({phase: 'nominee', lit})),
    ...hops.slice(0, -1).reverse().map(lit => ({phase: 'result', lit})),
    {phase: 'won', lit: [serverName(view, round.winner)]}];
}

/**
 * Starts the replay of a round the page has not shown yet. The round already there when the page loads, and every
 * round when the person prefers reduced motion, is only marked; a newer round replaces one still being replayed, so
 * replays never pile up when rounds come fast.
 */
function followRounds(view) {
  const rounds = latestRounds(view);
  const seenBefore = page.roundShown !== undefined;
  if (!rounds.length) {
    if (!seenBefore) page.roundShown = null;
    return;
  }
  const newest = rounds[0];
  if (page.roundShown && page.roundShown.round === newest.round) return;
  clearInterval(page.roundTimer);
  page.roundTimer = null;
  const won = {phase: 'won', lit: [serverName(view, newest.winner)]};
  const animate = seenBefore && !(reducedMotion && reducedMotion.matches);
  const frames = animate ? roundFrames(view, newest) : [won];
  page.roundShown = {round: newest.round, winner: won.lit[0], frames, index: 0, phasesShown: [frames[0].phase]};
  if (frames.length > 1) page.roundTimer = setInterval(advanceRound, HOP_MS);
  paintRound();
}

function advanceRound() {
  const shown = page.roundShown;
  shown.index += 1;
  const phase = shown.frames[shown.index].phase;
  if (!shown.phasesShown.includes(phase)) shown.phasesShown.push(phase);
  if (shown.index >= shown.frames.length - 1) {
    clearInterval(page.roundTimer);
    page.roundTimer = null;
  }
  paintRound();
}

/**
 * Lights the servers of the replay's current step and marks the winner once it is over. The picture carries the
 * replay for scripts and tests: data-round, data-round-phase, data-round-hop (the servers lit now) and
 * data-round-phases (every phase shown so far).
 */
function paintRound(picture = document.getElementById('ring-picture')) {
  const shown = page.roundShown;
  if (!shown || picture.id !== 'ring-picture') return;
  const frame = shown.frames[shown.index];
  picture.setAttribute('data-round', shown.round);
  picture.setAttribute('data-round-phase', frame.phase);
  picture.setAttribute('data-round-hop', frame.lit.join(' '));
  picture.setAttribute('data-round-phases', shown.phasesShown.join(' '));
  const won = frame.phase === 'won';
  for (const group of picture.querySelectorAll('[data-ring-server]')) {
    const name = group.getAttribute('data-ring-server');
    const lit = frame.lit.includes(name);
    group.setAttribute('class', lit && !won ? 'lit lit-' + frame.phase : '');
    group.setAttribute('data-winner', String(won && name === shown.winner));
    const label = group.querySelector('[data-field="name"]');
    label.textContent = (won && name === shown.winner ? '★ ' : lit ? '● ' : '') + name;
    label.setAttribute('class', won && name === shown.winner ? 'winner-name' : '');
  }
  setText(picture.querySelector('[data-field="last-round"]'), (won ? 'last round ' : 'round ') + shown.round);
  setText(picture.querySelector('[data-field="winner"]'), won ? '★ ' + shown.winner
    : PHASE_TEXT[frame.phase] + ' ' + frame.lit.join(', '));
}

// ---- the timeline ----

const TIMELINE = {left: 92, right: 832, row: 16, gap: 5, top: 18, maxMs: 5 * 60 * 1000};

/** Each server's state at this poll, as the timeline tells it: planned down, out at an agent, unreachable… */
function timelineState(view, server) {
  const state = serverState(server);
  if (state !== 'up') return state;
  const out = view.agents.some(agent => agent.status && agent.status.servers.some(share =>
    serverName(view, share.server) === server.name && !share.up));
  return out ? 'out' : 'up';
}

/** Keeps, per server, the polls where its state changed; per client, its samples; both for the window only. */
function recordTimeline(view) {
  const oldest = view.polledAt - TIMELINE.maxMs;
  for (const server of view.servers) {
    const changes = page.timelineServers.get(server.name) || [];
    const state = timelineState(view, server);
    if (!changes.length || changes[changes.length - 1].state !== state) changes.push({t: view.polledAt, state});
    while (changes.length > 1 && changes[1].t < oldest) changes.shift();
    page.timelineServers.set(server.name, changes);
  }
  for (const [name, sample] of Object.entries(view.clientSamples || {})) {
    const samples = page.timelineClients.get(name) || [];
    if (!samples.length || samples[samples.length - 1].time < sample.time) samples.push(sample);
    while (samples.length && samples[0].time < oldest) samples.shift();
    page.timelineClients.set(name, samples);
  }
}

function successClass(rate) {
  return rate >= 99.9 ? 'success-good' : rate >= 99 ? 'success-fair' : 'success-poor';
}

function renderTimeline(view, picture = document.getElementById('timeline')) {
  const now = view.polledAt;
  // like the charts: grows from a minute until it spans the window, then slides
  let earliest = now;
  for (const changes of page.timelineServers.values()) if (changes.length) earliest = Math.min(earliest, changes[0].t);
  const from = Math.max(now - Math.min(TIMELINE.maxMs, page.windowMs || TIMELINE.maxMs), Math.min(earliest, now - 60000));
  const x = t => TIMELINE.left + (TIMELINE.right - TIMELINE.left) * (Math.max(t, from) - from) / (now - from);
  const parts = [];
  let y = TIMELINE.top;
  const order = ringOrder(view);
  const rowsTop = y;
  for (const name of order) {
    const changes = page.timelineServers.get(name) || [];
    const segments = [];
    changes.forEach((change, i) => {
      const end = i + 1 < changes.length ? changes[i + 1].t : now;
      if (end < from) return;
      const x1 = x(change.t);
      const width = Math.max(1, x(end) - x1);
      const label = change.state === 'unreachable' ? '✕ unreachable' : change.state;
      segments.push(svg('g', {'data-state': change.state},
        svg('rect', {x: x1, y, width, height: TIMELINE.row, class: 'seg-' + change.state},
          svg('title', {text: name + ' ' + label + ' from ' + clock(change.t) + (i + 1 < changes.length
            ? ' to ' + clock(end) : ' until now')})),
        width > label.length * 6 + 6 && change.state !== 'up' ? svg('text', {x: x1 + 3, y: y + 12,
          class: 'seg-text', text: label}) : null));
    });
    parts.push(svg('g', {'data-timeline-server': name},
      svg('text', {x: 4, y: y + 12, text: name}), ...segments));
    y += TIMELINE.row + TIMELINE.gap;
  }
  const rowsBottom = y - TIMELINE.gap;
  // lab faults as shaded bands, rounds as lines with their winner
  const faultStarts = new Map();
  for (const event of page.events) {
    if (event.kind === 'fault') {
      const id = event.text.split(' ')[1];
      if (/ start:/.test(event.text)) faultStarts.set(id, event);
      else if (faultStarts.has(id)) {
        const start = faultStarts.get(id);
        faultStarts.delete(id);
        if (event.epochMillis >= from) parts.push(fault(start, event.epochMillis));
      }
    }
  }
  for (const start of faultStarts.values()) parts.push(fault(start, now));
  function fault(start, end) {
    return svg('rect', {class: 'fault-band', 'data-timeline-fault': start.text, x: x(start.epochMillis), y: rowsTop - 4,
      width: Math.max(2, x(end) - x(start.epochMillis)), height: rowsBottom - rowsTop + 8},
      svg('title', {text: start.text}));
  }
  for (const event of page.events) {
    if (event.kind !== 'round' || event.epochMillis < from) continue;
    const at = x(event.epochMillis);
    parts.push(svg('g', {'data-timeline-round': event.source},
      svg('line', {class: 'round-mark', x1: at, x2: at, y1: rowsTop - 6, y2: rowsBottom + 2}),
      svg('text', {x: at - 4, y: rowsTop - 7, class: 'round-star', text: '★'}),
      svg('title', {text: event.text})));
  }
  // each client: success rate strip, p99 line
  for (const [name, samples] of page.timelineClients) {
    const shown = samples.filter(sample => sample.time >= from);
    const cells = [];
    shown.forEach((sample, i) => {
      if (sample.successRate === null || sample.successRate === undefined) return;
      const start = i > 0 ? shown[i - 1].time : sample.time - view.pollIntervalMs;
      cells.push(svg('rect', {x: x(start), y, width: Math.max(1, x(sample.time) - x(start)), height: TIMELINE.row,
        class: successClass(sample.successRate)}, svg('title', {text: name + ' ' + sample.successRate.toFixed(2)
        + ' % success at ' + clock(sample.time)})));
    });
    parts.push(svg('g', {'data-timeline-client': name, 'data-field': 'success',
      'data-first-sample': shown.length ? String(shown[0].time) : null},
      svg('text', {x: 4, y: y + 12, text: name + ' ok'}),
      svg('rect', {x: TIMELINE.left, y, width: TIMELINE.right - TIMELINE.left, height: TIMELINE.row, class: 'strip-bg'}),
      ...cells));
    y += TIMELINE.row + TIMELINE.gap;
    const p99s = shown.filter(sample => sample.p99Ms !== null && sample.p99Ms !== undefined);
    const top = Math.max(...p99s.map(sample => sample.p99Ms), 0.001);
    const height = TIMELINE.row * 1.5;
    parts.push(svg('g', {'data-timeline-client': name, 'data-field': 'p99'},
      svg('text', {x: 4, y: y + 12, text: name + ' p99'}),
      svg('rect', {x: TIMELINE.left, y, width: TIMELINE.right - TIMELINE.left, height, class: 'strip-bg'}),
      p99s.length > 1 ? svg('polyline', {class: 'p99-line', points: p99s.map(sample =>
        x(sample.time).toFixed(1) + ',' + (y + height - height * sample.p99Ms / top).toFixed(1)).join(' ')}) : null,
      svg('text', {x: TIMELINE.right - 4, y: y + 10, 'text-anchor': 'end', class: 'axis',
        text: p99s.length ? 'max ' + top.toFixed(2) + ' ms' : 'no sample'})));
    y += height + TIMELINE.gap;
  }
  parts.push(svg('text', {x: TIMELINE.left, y: y + 10, class: 'axis', text: clock(from)}),
    svg('text', {x: TIMELINE.right, y: y + 10, 'text-anchor': 'end', class: 'axis', text: clock(now)}));
  picture.setAttribute('viewBox', '0 0 840 ' + Math.ceil(y + 16));
  const title = picture.querySelector('title');
  picture.replaceChildren(...(title ? [title] : []), ...parts);
}

// ---- the agents ----

function agentCard(name, strategies) {
  const select = el('select', {'data-control': 'strategy', id: 'strategy-' + name, 'aria-label': 'strategy of ' + name},
    ...strategies.map(strategy => el('option', {value: strategy, text: strategy})));
  select.addEventListener('change', async () => {
    // whatever the answer, the next poll shows the strategy the agent really has
    await control('POST', '/api/control/agents/' + encodeURIComponent(name) + '/strategy',
      {strategy: select.value}, name + ' strategy ' + select.value);
    select.blur();
  });
  const card = el('div', {className: 'card', 'data-agent': name, id: 'agent-' + name},
    el('div', {className: 'card-head'}, el('h3', {text: name}), grafanaLink('agent', name), el('span', {'data-field': 'state'}),
      el('span', {className: 'spacer'}), el('label', {className: 'muted', for: select.id, text: 'strategy'}), select),
    el('p', {className: 'reason', 'data-field': 'error', hidden: true}),
    el('div', {className: 'figures'}, figure('Requests/s', 'rate'), figure('Forwarded', 'forwarded'),
      figure('Replies', 'replies'), figure('Retries', 'retries'), figure('Ejections', 'ejections'),
      figure('Pending', 'pending')),
    el('div', {className: 'muted', 'data-field': 'sees-up'}),
    el('div', {className: 'table-scroll'}, el('table', {className: 'grid'},
      el('thead', {}, el('tr', {}, el('th', {text: 'Server'}), el('th', {text: 'Seen as'}),
        el('th', {text: 'Share'}), el('th', {className: 'num', text: 'Sent/s'}),
        el('th', {className: 'num', text: 'Forwarded'}), el('th', {className: 'num', text: 'In flight'}),
        el('th', {className: 'num', text: 'Latency'}),
        el('th', {className: 'num', text: 'Upstream p50 / p99', title: 'response time of the server as this agent '
          + 'measures it, since the server took its slot (bucket bounds of the agent\'s histogram)'}))),
      el('tbody', {}))));
  return {card, select};
}

function renderAgents(view) {
  const container = document.getElementById('agents');
  for (const agent of view.agents) {
    let entry = page.agents.get(agent.name);
    if (!entry) {
      entry = agentCard(agent.name, view.strategies);
      page.agents.set(agent.name, entry);
      container.append(entry.card);
    }
    const card = entry.card;
    const status = agent.status;
    card.dataset.reachable = String(agent.reachable);
    card.classList.toggle('unreachable', !agent.reachable);
    const error = field(card, 'error');
    error.hidden = agent.reachable;
    setText(error, agent.reachable ? '' : 'unreachable: ' + agent.error);
    field(card, 'state').replaceChildren(agent.reachable ? badge('reachable', 'up') : badge('unreachable', 'unreachable'));
    if (slowBadge(agent)) field(card, 'state').append(slowBadge(agent));
    entry.select.disabled = !agent.reachable;
    if (status && document.activeElement !== entry.select) entry.select.value = status.strategy;
    setText(field(card, 'rate'), fixed(rate('agent/' + agent.name, status ? status.requestsReceived : null,
      view.polledAt, fresh(agent)), 0));
    setText(field(card, 'forwarded'), status ? number(status.forwarded) : DASH);
    setText(field(card, 'replies'), status ? number(status.repliesDelivered) : DASH);
    setText(field(card, 'retries'), status ? number(status.retries) : DASH);
    setText(field(card, 'ejections'), status ? number(status.ejections) : DASH);
    setText(field(card, 'pending'), status ? number(status.pending) : DASH);
    const servers = status ? status.servers : [];
    const upstream = new Map((agent.upstream || []).map(times => [times.server, times]));
    const up = servers.filter(s => s.up).map(s => serverName(view, s.server));
    setText(field(card, 'sees-up'), status ? 'sees up: ' + (up.length ? up.join(', ') : 'none') : '');
    card.querySelector('tbody').replaceChildren(...servers.map(share => {
      const name = serverName(view, share.server);
      const sent = rate('agent/' + agent.name + '/' + share.server, share.forwarded, view.polledAt, fresh(agent));
      return el('tr', {'data-agent-server': name, 'data-up': String(share.up), 'data-state': share.state},
        el('td', {text: name}),
        el('td', {}, badge(share.state, share.up ? 'up' : 'down')),
        el('td', {}, el('span', {className: 'share'}, el('span', {style: 'width:' + (share.share * 100).toFixed(1) + '%'})),
          fixed(share.share * 100, 1, ' %')),
        el('td', {className: 'num', 'data-field': 'sent-rate', text: fixed(sent, 0)}),
        el('td', {className: 'num', text: number(share.forwarded)}),
        el('td', {className: 'num', text: String(share.outstanding)}),
        el('td', {className: 'num', text: fixed(share.latencyEwmaMs, 2, ' ms')}),
        el('td', {className: 'num', 'data-field': 'upstream', text: upstreamText(upstream.get(share.server))}));
    }));
  }
}

/** An agent's upstream quantiles are bucket bounds: "≤ 0.25 / ≤ 1 ms". */
function upstreamText(times) {
  if (!times || !times.count) return DASH;
  const bound = ms => ms === null || ms === undefined || !isFinite(ms) ? '> 2.5 s'
    : ms >= 1 ? '≤ ' + ms + ' ms' : '≤ ' + Math.round(ms * 1000) + ' µs';
  return bound(times.p50Ms) + ' / ' + bound(times.p99Ms);
}

// ---- the load clients ----

const CHART_COLORS = {average: '#2456c7', p50: '#1a7f4b', p99: '#c2571a', p999: '#b3261e', rate: '#2456c7',
  success: '#1a7f4b'};

function timeAxis() {
  return {type: 'linear', ticks: {maxTicksLimit: 6, callback: value => clock(value)}, grid: {display: false}};
}

function line(label, color, axis) {
  return {label, data: [], borderColor: color, backgroundColor: color, borderWidth: 1.5, pointRadius: 0,
    spanGaps: false, yAxisID: axis};
}

function clientCharts(latencyCanvas, throughputCanvas) {
  if (typeof Chart === 'undefined') return null;
  const common = {animation: false, responsive: true, maintainAspectRatio: false, normalized: true,
    interaction: {mode: 'nearest', axis: 'x', intersect: false},
    plugins: {legend: {labels: {boxWidth: 12}}}};
  const latency = new Chart(latencyCanvas, {
    type: 'line',
    data: {datasets: [line('average', CHART_COLORS.average, 'y'), line('p50', CHART_COLORS.p50, 'y'),
      line('p99', CHART_COLORS.p99, 'y'), line('p99.9', CHART_COLORS.p999, 'y')]},
    options: Object.assign({}, common, {scales: {x: timeAxis(),
      y: {beginAtZero: true, title: {display: true, text: 'response time, ms'}}}}),
  });
  const throughput = new Chart(throughputCanvas, {
    type: 'line',
    data: {datasets: [line('requests/s', CHART_COLORS.rate, 'y'), line('success %', CHART_COLORS.success, 'success')]},
    options: Object.assign({}, common, {scales: {x: timeAxis(),
      y: {beginAtZero: true, title: {display: true, text: 'requests/s'}},
      success: {position: 'right', min: 0, max: 100, grid: {display: false}, title: {display: true, text: 'success %'}}}}),
  });
  return {latency, throughput};
}

function addSamples(entry, samples) {
  if (!entry.charts || samples.length === 0) return;
  for (const sample of samples) {
    if (sample.time <= entry.lastSample) continue;
    entry.lastSample = sample.time;
    const x = sample.time;
    const [average, p50, p99, p999] = entry.charts.latency.data.datasets;
    average.data.push({x, y: sample.averageMs});
    p50.data.push({x, y: sample.p50Ms});
    p99.data.push({x, y: sample.p99Ms});
    p999.data.push({x, y: sample.p999Ms});
    const [requests, success] = entry.charts.throughput.data.datasets;
    requests.data.push({x, y: sample.requestsPerSecond});
    success.data.push({x, y: sample.successRate});
  }
  const now = entry.lastSample;
  for (const chart of [entry.charts.latency, entry.charts.throughput]) {
    let oldest = now;
    for (const dataset of chart.data.datasets) {
      while (dataset.data.length && dataset.data[0].x < now - page.windowMs) dataset.data.shift();
      if (dataset.data.length) oldest = Math.min(oldest, dataset.data[0].x);
    }
    // the charts grow until they span the dashboard's history, then slide
    chart.options.scales.x.min = Math.max(now - page.windowMs, Math.min(oldest, now - 60000));
    chart.options.scales.x.max = now;
    chart.update('none');
  }
}

function clientCard(name) {
  const path = '/api/control/clients/' + encodeURIComponent(name);
  const threads = el('input', {type: 'number', min: 1, max: page.limits.threads, 'data-control': 'threads', id: 'threads-' + name,
    'aria-label': 'threads of ' + name});
  const rateInput = el('input', {type: 'number', min: 0, max: page.limits.rate, step: 'any', 'data-control': 'rate', id: 'rate-' + name,
    'aria-label': 'rate of ' + name, placeholder: '0 = closed'});
  const latencyCanvas = el('canvas', {id: 'latency-chart-' + name, 'aria-label': 'response time of ' + name});
  const throughputCanvas = el('canvas', {id: 'throughput-chart-' + name, 'aria-label': 'requests and success of ' + name});
  const card = el('div', {className: 'card', 'data-client': name, id: 'client-' + name},
    el('div', {className: 'card-head'}, el('h3', {text: name}), grafanaLink('client', name),
      el('span', {'data-field': 'state'}), el('span', {className: 'muted', 'data-field': 'mode'}), el('span', {className: 'spacer'}),
      el('span', {className: 'muted', 'data-field': 'agent'})),
    el('p', {className: 'reason', 'data-field': 'error', hidden: true}),
    el('div', {className: 'figures'}, figure('Requests/s', 'rate'), figure('Success', 'success'),
      figure('Average', 'average'), figure('p50', 'p50'), figure('p99', 'p99'), figure('p99.9', 'p999'),
      figure('Timeouts', 'timeouts'), figure('In flight', 'in-flight')),
    el('div', {className: 'controls'},
      button('Start', 'start', () => startLoad(name), {id: 'start-' + name}),
      button('Stop', 'stop', () => stopLoad(name), {id: 'stop-' + name}),
      button('Reset figures', 'reset', () => control('POST', path + '/reset', undefined, 'Reset ' + name),
        {id: 'reset-' + name}),
      el('span', {className: 'spacer'}),
      threads, button('Set threads', 'set-threads', () => control('PUT', path + '/load',
        {threads: Number(threads.value)}, name + ' threads ' + threads.value), {id: 'set-threads-' + name}),
      rateInput, button('Set rate', 'set-rate', () => control('PUT', path + '/load',
        {rate: Number(rateInput.value || 0)}, name + ' rate ' + (rateInput.value || 0)), {id: 'set-rate-' + name})),
    el('div', {className: 'charts'}, el('div', {className: 'chart'}, latencyCanvas),
      el('div', {className: 'chart'}, throughputCanvas)),
    el('p', {className: 'muted caption', text: 'Requests/s, success and average: each second. Percentiles: the '
      + 'client\'s own, over everything since it started or its figures were reset.'}));
  return {card, threads, rateInput, charts: null, lastSample: 0, latencyCanvas, throughputCanvas};
}

function renderClients(view) {
  const container = document.getElementById('clients');
  for (const client of view.clients) {
    let entry = page.clients.get(client.name);
    if (!entry) {
      entry = clientCard(client.name);
      page.clients.set(client.name, entry);
      container.append(entry.card);
      entry.charts = clientCharts(entry.latencyCanvas, entry.throughputCanvas);
      addSamples(entry, page.history[client.name] || []);
    }
    const card = entry.card;
    const status = client.status;
    const sample = view.clientSamples[client.name];
    card.dataset.reachable = String(client.reachable);
    card.dataset.running = String(!!(status && status.running));
    card.classList.toggle('unreachable', !client.reachable);
    const error = field(card, 'error');
    error.hidden = client.reachable;
    setText(error, client.reachable ? '' : 'unreachable: ' + client.error);
    field(card, 'state').replaceChildren(!client.reachable ? badge('unreachable', 'unreachable')
      : status.running ? badge('running', 'running') : badge('stopped', 'stopped'));
    if (slowBadge(client)) field(card, 'state').append(slowBadge(client));
    const rateValue = status && typeof status.rate === 'number' ? status.rate : 0;
    setText(field(card, 'mode'), !status ? '' : rateValue > 0 ? 'open loop, ' + rateValue + ' requests/s'
      : 'closed loop, ' + status.threads + ' threads');
    setText(field(card, 'agent'), status ? 'to ' + status.agent : '');
    if (sample || !client.reachable) {
      // no sample for a missed poll: the figures of the last one stay
      setText(field(card, 'rate'), fixed(sample && sample.requestsPerSecond, 0));
      setText(field(card, 'success'), fixed(sample && sample.successRate, 2, ' %'));
      setText(field(card, 'average'), fixed(sample && sample.averageMs, 2, ' ms'));
    }
    setText(field(card, 'p50'), fixed(status && status.p50Ms, 2, ' ms'));
    setText(field(card, 'p99'), fixed(status && status.p99Ms, 2, ' ms'));
    setText(field(card, 'p999'), fixed(status && status.p999Ms, 2, ' ms'));
    setText(field(card, 'timeouts'), status ? number(status.timeouts) : DASH);
    setText(field(card, 'in-flight'), status ? number(status.inFlight) : DASH);
    if (status && document.activeElement !== entry.threads) entry.threads.value = status.threads;
    if (status && document.activeElement !== entry.rateInput && entry.rateInput.value === '') {
      entry.rateInput.value = rateValue;
    }
    for (const name of ['start', 'stop', 'reset', 'set-threads', 'set-rate']) {
      card.querySelector('[data-control="' + name + '"]').disabled = !client.reachable;
    }
    if (sample) addSamples(entry, [sample]);
  }
}

// ---- the lab's faults (a bin/ringlab-lab run only) ----

const FAULT_BADGES = {active: 'down', scheduled: 'slow', ended: 'stopped', cancelled: 'stopped'};

/** A change of the lab's faults: the launcher's answer shown, a refusal (a fault it cannot read) under the input. */
async function labChange(path, body, what) {
  const result = await send('POST', path, body);
  const error = document.getElementById('fault-error');
  error.hidden = result.ok;
  setText(error, result.ok ? '' : what + ': ' + result.detail);
  showMessage(what + ': ' + (result.ok ? 'done' : result.detail), !result.ok);
  await refreshLab();
  return result.ok;
}

function renderFaultControls() {
  const spec = el('input', {type: 'text', id: 'fault-spec', 'data-control': 'fault-spec', spellcheck: 'false',
    placeholder: 'for 20s loss 5% agent<->server', 'aria-label': 'fault to inject, as --fault takes it',
    title: 'as --fault takes it: [at D] [for D] loss P% A<->B | partition HOSTS | HOSTS | freeze P | kill P'});
  const inject = async () => {
    if (await labChange('/api/lab/faults', {fault: spec.value}, 'Inject ' + spec.value)) spec.value = '';
  };
  spec.addEventListener('keydown', event => { if (event.key === 'Enter') inject(); });
  document.getElementById('fault-controls').append(spec,
    button('Inject', 'inject-fault', inject, {id: 'inject-fault'}),
    button('Heal all', 'heal-all-faults', () => labChange('/api/lab/faults/heal', undefined, 'Heal every fault'),
      {id: 'heal-all-faults'}));
}

function faultRow(fault) {
  const tr = el('tr', {'data-fault': String(fault.id), 'data-state': fault.state, id: 'fault-' + fault.id},
    el('td', {className: 'num', text: String(fault.id)}),
    el('td', {'data-field': 'fault', text: fault.fault}),
    el('td', {'data-field': 'state'}),
    el('td', {'data-field': 'start'}),
    el('td', {'data-field': 'remaining', className: 'num'}),
    el('td', {'data-field': 'given-by', text: fault.givenBy || 'command line'}),
    el('td', {className: 'row-controls'}, button('Heal', 'heal-fault',
      () => labChange('/api/lab/faults/' + fault.id + '/heal', undefined, 'Heal fault ' + fault.id),
      {id: 'heal-fault-' + fault.id})));
  return tr;
}

/** Rows are kept and updated in place (newest first), so that a Heal button stays put under the pointer. */
function renderFaults(faults) {
  const tbody = document.querySelector('#faults tbody');
  const empty = tbody.querySelector('[data-empty]');
  if (faults.length === 0 && !empty) {
    tbody.replaceChildren(el('tr', {'data-empty': true}, el('td', {colspan: 7, className: 'muted', text: 'no fault yet'})));
  }
  if (faults.length > 0 && empty) empty.remove();
  for (const fault of faults) {
    let tr = page.faults.get(fault.id);
    if (!tr) {
      tr = faultRow(fault);
      page.faults.set(fault.id, tr);
      tbody.prepend(tr);
    }
    const live = fault.state === 'active' || fault.state === 'scheduled';
    if (tr.dataset.state !== fault.state || !field(tr, 'state').firstChild) {
      tr.dataset.state = fault.state;
      field(tr, 'state').replaceChildren(badge(fault.state, FAULT_BADGES[fault.state] || 'stopped'));
    }
    setText(field(tr, 'start'), (fault.state === 'scheduled' ? 'at ' : '') + clock(fault.startEpochMillis));
    setText(field(tr, 'remaining'), fault.remainingSeconds !== null && fault.remainingSeconds !== undefined
      ? seconds(fault.remainingSeconds * 1000) : fault.state === 'active' ? 'until healed' : DASH);
    tr.querySelector('[data-control="heal-fault"]').hidden = !live;
  }
}

function renderFaultEvents(events) {
  const last = events.length ? events[events.length - 1] : null;
  const mark = events.length + '/' + (last ? last.epochMillis + last.kind + last.faultId : '');
  if (page.faultEventsMark === mark) return;
  page.faultEventsMark = mark;
  const rows = events.slice().reverse().slice(0, 30).map(event =>
    el('tr', {'data-event': event.faultId + '-' + event.kind},
      el('td', {text: clock(event.epochMillis)}),
      el('td', {'data-field': 'text', text: event.text}),
      el('td', {'data-field': 'by', text: event.by || DASH})));
  if (rows.length === 0) {
    rows.push(el('tr', {}, el('td', {colspan: 3, className: 'muted', text: 'no fault has started yet'})));
  }
  document.querySelector('#fault-events tbody').replaceChildren(...rows);
}

async function refreshLab() {
  try {
    const [faults, events] = await Promise.all([fetchJson('/api/lab/faults'), fetchJson('/api/lab/events')]);
    renderFaults(faults.faults);
    renderFaultEvents(events.events);
    setText(document.getElementById('lab-status'), '');
  } catch (e) {
    setText(document.getElementById('lab-status'), 'the lab\'s launcher did not answer (' + e.message + ')');
  }
}

async function pollLab() {
  await refreshLab();
  setTimeout(pollLab, page.pollMs);
}

async function startLab() {
  const lab = await fetchJson('/api/lab');
  if (!lab.present) return;
  document.getElementById('faults-panel').hidden = false;
  renderFaultControls();
  await pollLab();
}

// ---- the event log ----

const EVENT_KINDS = ['round', 'down', 'up', 'unreachable', 'reachable', 'out', 'in', 'ejection', 'retries', 'fault',
  'operator'];
/** Events the page keeps; the dashboard keeps more, and the downloads have them all. */
const EVENTS_KEPT = 2000;
const EVENTS_SHOWN = 300;

function eventFilters() {
  return {kind: document.getElementById('event-kind').value, source: document.getElementById('event-source').value.trim()};
}

function setUpEventLog() {
  const kind = document.getElementById('event-kind');
  kind.append(...EVENT_KINDS.map(k => el('option', {value: k, text: k})));
  kind.addEventListener('change', renderEvents);
  document.getElementById('event-source').addEventListener('input', renderEvents);
}

/**
 * On load: the timeline's strips before the page's first poll, from the dashboard's own history (each server's state
 * changes, each client's samples over its window), so that a reload loses nothing.
 */
function seedTimeline(timeline) {
  for (const [server, changes] of Object.entries(timeline.servers || {})) {
    page.timelineServers.set(server, changes.map(change => ({t: change.t, state: change.state})));
  }
  for (const [client, samples] of Object.entries(timeline.clients || {})) {
    page.timelineClients.set(client, samples.slice());
  }
}

async function refreshEvents() {
  const answer = await fetchJson('/api/events?after=' + page.lastEventSeq);
  if (answer.events.length) {
    page.events.push(...answer.events);
    page.lastEventSeq = answer.events[answer.events.length - 1].seq;
    if (page.events.length > EVENTS_KEPT) page.events.splice(0, page.events.length - EVENTS_KEPT);
  }
  renderEvents();
}

/** Newest first; the download links carry the same filters, for the dashboard's whole log. */
function renderEvents() {
  const {kind, source} = eventFilters();
  const mark = kind + '|' + source + '|' + page.lastEventSeq;
  if (page.eventFilterMark === mark) return;
  page.eventFilterMark = mark;
  const query = new URLSearchParams();
  if (kind) query.set('kind', kind);
  if (source) query.set('source', source);
  document.getElementById('events-json').href = '/api/events?' + query + '&format=json&download=true';
  document.getElementById('events-csv').href = '/api/events?' + query + '&format=csv';
  const shown = page.events.filter(e => (!kind || e.kind === kind) && (!source || e.source === source));
  const rows = shown.slice(-EVENTS_SHOWN).reverse().map(event =>
    el('tr', {'data-seq': String(event.seq), 'data-kind': event.kind, 'data-source': event.source},
      el('td', {text: clock(event.epochMillis), title: new Date(event.epochMillis).toString()}),
      el('td', {}, badge(event.kind, 'kind-' + event.kind)),
      el('td', {text: event.source}),
      el('td', {'data-field': 'text', text: event.text}),
      el('td', {'data-field': 'by', text: event.by || DASH})));
  if (rows.length === 0) {
    rows.push(el('tr', {}, el('td', {colspan: 5, className: 'muted', text: 'no event yet'})));
  }
  document.querySelector('#events tbody').replaceChildren(...rows);
  setText(document.getElementById('events-summary'), shown.length + ' of ' + page.events.length + ' events');
}

// ---- the loop ----

function render(view) {
  page.pollMs = Math.max(250, Math.min(view.pollIntervalMs, 2000));
  page.windowMs = view.historyMs;
  renderServers(view);
  followRounds(view);
  renderRingPicture(view);
  recordTimeline(view);
  renderTimeline(view);
  renderAgents(view);
  renderClients(view);
  const age = Date.now() - view.polledAt;
  setText(document.getElementById('updated'), 'updated ' + clock(view.polledAt)
    + (age > 5000 ? ' (' + seconds(age) + ' ago: the dashboard is not polling)' : ''));
}

async function fetchJson(path) {
  const response = await fetch(path, {cache: 'no-store', credentials: 'same-origin'});
  if (response.status === 401) {
    location.replace('/login');
    throw new Error('signed out');
  }
  if (!response.ok) throw new Error('HTTP ' + response.status);
  return response.json();
}

async function poll() {
  try {
    render(await fetchJson('/api/cluster'));
    await refreshEvents();
  } catch (e) {
    setText(document.getElementById('updated'), 'the dashboard did not answer (' + e.message + ')');
  } finally {
    setTimeout(poll, page.pollMs);
  }
}

async function start() {
  const session = await fetchJson('/api/session');
  if (!session.signedIn) {
    location.replace('/login');
    return;
  }
  page.csrf = session.csrf;
  page.limits = session.limits;
  setText(document.getElementById('user'), 'signed in as ' + session.username);
  const signOutCsrf = document.getElementById('sign-out-csrf');
  signOutCsrf.name = session.csrf.parameterName;
  signOutCsrf.value = session.csrf.token;
  document.getElementById('sign-out').hidden = false;
  renderGlobalControls();
  setUpEventLog();
  page.grafana = (await fetchJson('/api/links')).grafana || null;
  // the charts and the timeline start with the dashboard's history, so a reload keeps the last minutes
  const timeline = await fetchJson('/api/timeline');
  page.history = timeline.clients || {};
  seedTimeline(timeline);
  startLab().catch(e => setText(document.getElementById('lab-status'), 'no faults panel: ' + e.message));
  await poll();
}

start().catch(e => setText(document.getElementById('updated'), 'could not start: ' + e.message));
