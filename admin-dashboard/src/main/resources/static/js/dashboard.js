// RingLab admin dashboard. Reads /api/cluster about once a second (the dashboard polls every service and keeps
// the result) and shows the ring, the agents and the load clients; every control is a POST or PUT under
// /api/control with the session's CSRF token. Elements carry stable ids and data-* attributes (data-server,
// data-agent, data-client, data-state, data-control) for people's scripts and the browser test. In a multi-host lab
// (bin/ringlab-lab) a faults panel reads and drives the launcher's faults through /api/lab.
'use strict';

const page = {
  csrf: null,
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
  events: [],
  lastEventSeq: 0,
  eventFilterMark: null,
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
  const downSeconds = el('input', {type: 'number', min: 1, max: 3600, value: 15, 'data-control': 'down-seconds',
    id: 'down-seconds-' + name, 'aria-label': 'seconds down for ' + name});
  const tr = el('tr', {'data-server': name, 'data-state': 'unknown', id: 'server-' + name},
    el('td', {}, el('strong', {text: name})),
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
    el('div', {className: 'card-head'}, el('h3', {text: name}), el('span', {'data-field': 'state'}),
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
  const threads = el('input', {type: 'number', min: 1, max: 100000, 'data-control': 'threads', id: 'threads-' + name,
    'aria-label': 'threads of ' + name});
  const rateInput = el('input', {type: 'number', min: 0, step: 'any', 'data-control': 'rate', id: 'rate-' + name,
    'aria-label': 'rate of ' + name, placeholder: '0 = closed'});
  const latencyCanvas = el('canvas', {id: 'latency-chart-' + name, 'aria-label': 'response time of ' + name});
  const throughputCanvas = el('canvas', {id: 'throughput-chart-' + name, 'aria-label': 'requests and success of ' + name});
  const card = el('div', {className: 'card', 'data-client': name, id: 'client-' + name},
    el('div', {className: 'card-head'}, el('h3', {text: name}), el('span', {'data-field': 'state'}),
      el('span', {className: 'muted', 'data-field': 'mode'}), el('span', {className: 'spacer'}),
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
  setText(document.getElementById('user'), 'signed in as ' + session.username);
  const signOutCsrf = document.getElementById('sign-out-csrf');
  signOutCsrf.name = session.csrf.parameterName;
  signOutCsrf.value = session.csrf.token;
  document.getElementById('sign-out').hidden = false;
  renderGlobalControls();
  setUpEventLog();
  // the charts start with the dashboard's history, so a reload keeps the last minutes
  page.history = await fetchJson('/api/history');
  startLab().catch(e => setText(document.getElementById('lab-status'), 'no faults panel: ' + e.message));
  await poll();
}

start().catch(e => setText(document.getElementById('updated'), 'could not start: ' + e.message));
