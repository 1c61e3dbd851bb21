// Parley agent console: plain JS over the agent API (/api/agent/**) and its WebSocket (/ws/agent/console).
(() => {
  'use strict';
  const TOKEN_KEY = 'parley.console.token';
  const $ = (id) => document.getElementById(id);
  // the server leaves empty lists and nulls out of its JSON
  const all = (list) => list || [];
  const state = { token: sessionStorage.getItem(TOKEN_KEY), me: null, current: null, queue: null, socket: null,
                  retry: 1000, typingTimer: null, typingOn: false, skills: ['orders', 'returns', 'payments', 'sales'] };

  // ---- HTTP --------------------------------------------------------------------------------------------------
  async function api(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: Object.assign({ 'Accept': 'application/json' }, body === undefined ? {} : { 'Content-Type': 'application/json' },
                             state.token ? { 'Authorization': 'Bearer ' + state.token } : {}),
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (response.status === 401 && path !== '/api/agent/login') {
      logout('Your session ended. Please log in again.');
      throw new Error('unauthorized');
    }
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) {
      throw new Error((data && data.message) || response.statusText);
    }
    return { status: response.status, data };
  }

  function showError(id, error) {
    const element = $(id);
    element.textContent = error ? error.message || String(error) : '';
    element.hidden = !error;
  }

  // ---- login -------------------------------------------------------------------------------------------------
  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    showError('login-error', null);
    try {
      const { data } = await api('POST', '/api/agent/login', { username: $('username').value.trim(),
                                                               password: $('password').value });
      state.token = data.accessToken;
      sessionStorage.setItem(TOKEN_KEY, state.token);
      $('password').value = '';
      await start();
    } catch (error) {
      showError('login-error', error);
    }
  });

  $('logout').addEventListener('click', () => logout());

  function logout(message) {
    state.token = null;
    state.current = null;
    sessionStorage.removeItem(TOKEN_KEY);
    if (state.socket) {
      state.socket.onclose = null;
      state.socket.close();
      state.socket = null;
    }
    $('desk').hidden = true;
    $('login').hidden = false;
    showError('login-error', message ? new Error(message) : null);
  }

  async function start() {
    const { data } = await api('GET', '/api/agent/me');
    state.me = data;
    $('whoami').textContent = data.displayName + ' (' + data.role + ')';
    $('login').hidden = true;
    $('desk').hidden = false;
    $('transfer-skill').replaceChildren(...state.skills.map((skill) => option(skill, 'to ' + skill)));
    connect();
    await refreshQueue();
  }

  // ---- live updates ------------------------------------------------------------------------------------------
  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const socket = new WebSocket(scheme + location.host + '/ws/agent/console?access_token='
                                 + encodeURIComponent(state.token));
    state.socket = socket;
    socket.onopen = () => {
      state.retry = 1000;
      setConnection('open');
      refreshQueue();
      if (state.current) {
        openConversation(state.current);
      }
    };
    socket.onmessage = (event) => onFrame(JSON.parse(event.data));
    socket.onclose = () => {
      setConnection('closed');
      if (state.token) {
        setTimeout(connect, state.retry);
        state.retry = Math.min(state.retry * 2, 15000);
      }
    };
  }

  setInterval(() => {
    if (state.socket && state.socket.readyState === WebSocket.OPEN) {
      state.socket.send(JSON.stringify({ type: 'ping' }));
    }
    renderWaits();
  }, 15000);

  function setConnection(value) {
    $('connection').dataset.state = value;
    $('connection').textContent = value === 'open' ? 'live' : 'reconnecting…';
  }

  function onFrame(frame) {
    if (frame.type === 'queue') {
      refreshQueue();
      if (frame.conversationId === state.current) {
        openConversation(state.current);
      }
    } else if (frame.type === 'message' && frame.conversationId === state.current) {
      appendMessage(frame.message);
      if (frame.message.author === 'shopper') {
        $('shopper-typing').hidden = true;
      }
    } else if (frame.type === 'typing' && frame.conversationId === state.current) {
      $('shopper-typing').hidden = !frame.on;
    }
  }

  // ---- queue -------------------------------------------------------------------------------------------------
  async function refreshQueue() {
    try {
      const { data } = await api('GET', '/api/agent/queue');
      state.queue = data;
      renderQueue();
    } catch (error) {
      showError('action-error', error);
    }
  }

  function renderQueue() {
    const waiting = all(state.queue.waiting);
    const assigned = all(state.queue.assigned);
    $('queue-count').textContent = waiting.length;
    $('mine-count').textContent = assigned.length;
    $('queue').replaceChildren(...waiting.map((item) => queueItem(item, true)));
    $('mine').replaceChildren(...assigned.map((item) => queueItem(item, false)));
  }

  function queueItem(item, waiting) {
    const li = document.createElement('li');
    li.className = 'queue-item' + (item.conversationId === state.current ? ' current' : '');
    li.dataset.conversationId = item.conversationId;
    li.dataset.enqueuedAt = item.enqueuedAt;
    const title = document.createElement('div');
    title.textContent = (waiting ? '#' + item.position + ' ' : '') + item.skill + ' · ' + item.language + ' · '
      + item.channel + (item.agentId && !waiting ? ' · ' + item.agentId : '');
    const wait = document.createElement('div');
    wait.className = 'meta';
    const clock = document.createElement('span');
    clock.className = 'wait';
    clock.textContent = waited(item.enqueuedAt);
    wait.append(waiting ? 'waiting ' : 'waited ', clock, ' · priority ' + Math.round(item.agedPriority));
    const reasons = document.createElement('div');
    all(item.reasons).forEach((reason) => reasons.append(badge(reason)));
    li.append(title, wait, reasons);
    li.addEventListener('click', () => openConversation(item.conversationId));
    return li;
  }

  function renderWaits() {
    document.querySelectorAll('#queue .queue-item').forEach((li) => {
      li.querySelector('.wait').textContent = waited(li.dataset.enqueuedAt);
    });
  }

  function waited(since) {
    const seconds = Math.max(0, Math.round((Date.now() - Date.parse(since)) / 1000));
    return seconds < 60 ? seconds + ' s' : Math.floor(seconds / 60) + ' min ' + (seconds % 60) + ' s';
  }

  $('take-next').addEventListener('click', async () => {
    showError('action-error', null);
    try {
      const { status, data } = await api('POST', '/api/agent/queue/take');
      $('take-result').textContent = status === 204 ? 'Nobody is waiting for you.' : '';
      await refreshQueue();
      if (data) {
        await openConversation(data.conversationId);
      }
    } catch (error) {
      showError('action-error', error);
    }
  });

  // ---- a conversation ----------------------------------------------------------------------------------------
  async function openConversation(id) {
    showError('action-error', null);
    try {
      const { data } = await api('GET', '/api/agent/conversations/' + encodeURIComponent(id));
      const switched = state.current !== id;
      state.current = id;
      $('conversation-title').textContent = 'Conversation on ' + data.channel + ' · ' + data.state;
      $('transcript').replaceChildren();
      all(data.transcript).forEach(appendMessage);
      renderContext(data);
      const mine = data.handoff && data.handoff.status === 'assigned' && data.handoff.agentId === state.me.id;
      $('reply-form').hidden = !mine;
      if (switched) {
        $('shopper-typing').hidden = true;
        loadCanned(id);
      }
      document.querySelectorAll('.queue-item').forEach((li) =>
        li.classList.toggle('current', li.dataset.conversationId === id));
    } catch (error) {
      showError('action-error', error);
    }
  }

  function appendMessage(message) {
    const transcript = $('transcript');
    if (transcript.querySelector('[data-seq="' + message.seq + '"]')) {
      return;
    }
    const li = document.createElement('li');
    li.dataset.seq = message.seq;
    li.dataset.author = message.author;
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = message.author + (message.authorId ? ' · ' + message.authorId : '') + ' · '
      + new Date(message.createdAt).toLocaleTimeString();
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = message.text;
    li.append(who, text);
    const later = Array.from(transcript.children).find((other) => Number(other.dataset.seq) > message.seq);
    transcript.insertBefore(li, later || null);
    transcript.scrollTop = transcript.scrollHeight;
  }

  function renderContext(detail) {
    const context = detail.context;
    const panel = $('context');
    panel.replaceChildren();
    section(panel, 'Why a person', all(context.escalationReasons).length
      ? all(context.escalationReasons).map(badge) : [text('no reason recorded')]);
    section(panel, 'Shopper', [facts({
      name: context.displayName || 'unknown', customer: context.customerId || '–',
      value: context.highValue ? 'high-value' : 'standard', segment: context.segment || '–',
      'journey stage': context.journeyStage || '–', CLV: context.clv == null ? '–' : context.clv,
      'life events': all(context.lifeEvents).length ? all(context.lifeEvents).join(', ') : '–'
    })]);
    section(panel, 'Offers shown', [list(all(context.offers).map((offer) =>
      offer.offerId + ' · ' + (offer.outcome || 'no reaction') + ' · ' + new Date(offer.shownAt).toLocaleString()))]);
    section(panel, 'NLU, last turns', [list(all(context.nluTrace).map((turn) =>
      '"' + turn.text + '" → ' + turn.intent + ' ' + (turn.confidence || 0).toFixed(2)
      + (turn.outOfScope ? ' (out of scope)' : '') + (turn.ambiguous ? ' (ambiguous)' : '')
      + ' · ' + turn.sentiment + ' ' + (turn.sentimentScore || 0).toFixed(2)
      + (all(turn.entities).length ? ' · ' + all(turn.entities).join(', ') : '')))]);
    if (detail.handoff) {
      const h = detail.handoff;
      section(panel, 'Hand-off', [facts({ status: h.status, queue: h.skill + ' · ' + h.language,
        priority: h.priority, waited: h.waitedSeconds + ' s', agent: h.agentId || '–' })]);
    }
    const notes = all(detail.notes).map((note) => note.kind + ' · ' + note.agentId + ': ' + note.text);
    const noteForm = document.createElement('form');
    noteForm.id = 'note-form';
    const noteInput = document.createElement('input');
    noteInput.id = 'note-input';
    noteInput.placeholder = 'Internal note…';
    noteInput.setAttribute('aria-label', 'Internal note');
    noteForm.append(noteInput);
    noteForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!noteInput.value.trim()) {
        return;
      }
      await act('POST', '/notes', { text: noteInput.value });
      openConversation(state.current);
    });
    section(panel, 'Notes', [list(notes), noteForm]);
  }

  function section(panel, title, children) {
    const h = document.createElement('h3');
    h.textContent = title;
    panel.append(h, ...children);
  }

  function facts(map) {
    const dl = document.createElement('dl');
    Object.entries(map).forEach(([key, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = key;
      const dd = document.createElement('dd');
      dd.textContent = value;
      dl.append(dt, dd);
    });
    return dl;
  }

  function list(items) {
    const ul = document.createElement('ul');
    (items.length ? items : ['–']).forEach((item) => {
      const li = document.createElement('li');
      li.textContent = item;
      ul.append(li);
    });
    return ul;
  }

  function text(value) {
    const span = document.createElement('span');
    span.textContent = value;
    return span;
  }

  function badge(reason) {
    const span = document.createElement('span');
    span.className = 'reason';
    span.textContent = reason.code.replace(/_/g, ' ') + (reason.detail ? ': ' + reason.detail : '');
    return span;
  }

  function option(value, label) {
    const element = document.createElement('option');
    element.value = value;
    element.textContent = label;
    return element;
  }

  async function loadCanned(id) {
    const select = $('canned');
    select.replaceChildren(option('', 'Canned responses…'));
    try {
      const { data } = await api('GET', '/api/agent/conversations/' + encodeURIComponent(id) + '/canned-responses');
      all(data).forEach((canned) => select.append(option(canned.text, canned.name)));
    } catch (error) {
      showError('action-error', error);
    }
  }

  $('canned').addEventListener('change', (event) => {
    if (event.target.value) {
      $('reply-input').value = event.target.value;
      $('reply-input').focus();
    }
  });

  async function act(method, suffix, body) {
    showError('action-error', null);
    try {
      return await api(method, '/api/agent/conversations/' + encodeURIComponent(state.current) + suffix, body);
    } catch (error) {
      showError('action-error', error);
      return null;
    }
  }

  $('reply-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = $('reply-input');
    if (!input.value.trim()) {
      return;
    }
    clearTimeout(state.typingTimer);
    const sent = await act('POST', '/messages', { text: input.value });
    if (sent) {
      input.value = '';
      state.typingOn = false;
      appendMessage(sent.data);
    }
  });

  $('reply-input').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      $('reply-form').requestSubmit();
    }
  });

  $('reply-input').addEventListener('input', () => {
    if (!state.typingOn) {
      state.typingOn = true;
      act('POST', '/typing', { on: true });
    }
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(() => {
      state.typingOn = false;
      act('POST', '/typing', { on: false });
    }, 3000);
  });

  $('return-to-bot').addEventListener('click', async () => {
    if (await act('POST', '/return-to-bot')) {
      await afterClosing();
    }
  });

  $('resolve').addEventListener('click', async () => {
    if (await act('POST', '/resolve', { disposition: $('disposition').value })) {
      await afterClosing();
    }
  });

  $('transfer').addEventListener('click', async () => {
    const note = window.prompt('A note for whoever takes it (optional)') || '';
    if (await act('POST', '/transfer', { skill: $('transfer-skill').value, note })) {
      await afterClosing();
    }
  });

  async function afterClosing() {
    clearTimeout(state.typingTimer);
    state.typingOn = false;
    $('reply-form').hidden = true;
    await refreshQueue();
    await openConversation(state.current);
  }

  if (state.token) {
    start().catch(() => logout());
  }
})();
