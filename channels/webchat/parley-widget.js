/*!
 * Parley web chat widget. Plain JavaScript, no build step, no dependencies.
 * Embed: <script src="https://parley.example/webchat/parley-widget.js" data-parley-url="https://parley.example"
 *                 data-title="Chat with us" data-locale="en" defer></script>
 * See README.md beside this file for every data attribute, the JavaScript API and the storage it uses.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || (window.Parley && window.Parley.version)) {
    return; // loaded as a module (no currentScript) or twice: one widget per page
  }

  var VERSION = '1.0.0';
  var RTL_LANGUAGES = ['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi'];
  var MAX_TEXT = 2000;
  var HISTORY_PAGE = 100;
  var SEND_TIMEOUT_MS = 30000;
  var MAX_SEND_ATTEMPTS = 8;
  var RECONNECT_MIN_MS = 500;
  var RECONNECT_MAX_MS = 30000;
  var STABLE_CONNECTION_MS = 5000;
  var HEARTBEAT_MS = 25000;
  var TYPING_IDLE_MS = 4000;
  var TYPING_STALE_MS = 30000;
  var ANNOUNCEMENTS_KEPT = 5;

  var STRINGS = {
    en: {
      title: 'Chat with us', subtitle: 'Ask about products, orders and deals', open: 'Chat with us',
      close: 'Close chat', messages: 'Conversation', inputLabel: 'Message', placeholder: 'Type a message…',
      send: 'Send', suggestions: 'Suggested replies', you: 'You', bot: 'Assistant', agent: 'Agent',
      system: 'Notice', typing: '{who} is typing…', announce: '{who}: {text}', unread: '{n} unread',
      reconnecting: 'Connection lost. Reconnecting…', sending: 'Sending…', failed: 'Not sent.', retry: 'Retry',
      startFailed: 'The chat could not start. Check your connection and try again.', code: 'Code',
      copy: 'Copy code', copied: 'Copied', dismiss: 'No thanks', validUntil: 'Valid until {date}', offer: 'Offer: {title}',
      state_bot: 'Assistant', state_queued: 'Waiting for a person…', state_agent: 'You are chatting with a person',
      state_closed: 'This conversation has ended'
    },
    he: {
      title: 'צ׳אט איתנו', subtitle: 'שאלו על מוצרים, הזמנות ומבצעים', open: 'צ׳אט איתנו',
      close: 'סגירת הצ׳אט', messages: 'שיחה', inputLabel: 'הודעה', placeholder: 'כתבו הודעה…',
      send: 'שליחה', suggestions: 'תשובות מוצעות', you: 'אתם', bot: 'העוזר', agent: 'נציג',
      system: 'הודעה', typing: '{who} מקליד…', announce: '{who}: {text}', unread: '{n} שלא נקראו',
      reconnecting: 'החיבור נותק. מתחברים מחדש…', sending: 'שולח…', failed: 'לא נשלח.', retry: 'נסו שוב',
      startFailed: 'לא ניתן לפתוח את הצ׳אט. בדקו את החיבור ונסו שוב.', code: 'קוד',
      copy: 'העתקת הקוד', copied: 'הועתק', dismiss: 'לא תודה', validUntil: 'בתוקף עד {date}', offer: 'מבצע: {title}',
      state_bot: 'העוזר', state_queued: 'ממתינים לנציג…', state_agent: 'אתם בשיחה עם נציג',
      state_closed: 'השיחה הסתיימה'
    },
    ar: {
      title: 'تحدث معنا', subtitle: 'اسأل عن المنتجات والطلبات والعروض', open: 'تحدث معنا',
      close: 'إغلاق الدردشة', messages: 'المحادثة', inputLabel: 'الرسالة', placeholder: 'اكتب رسالة…',
      send: 'إرسال', suggestions: 'ردود مقترحة', you: 'أنت', bot: 'المساعد', agent: 'موظف الدعم',
      system: 'إشعار', typing: '{who} يكتب…', announce: '{who}: {text}', unread: '{n} غير مقروءة',
      reconnecting: 'انقطع الاتصال. جارٍ إعادة الاتصال…', sending: 'جارٍ الإرسال…', failed: 'لم تُرسل.',
      retry: 'إعادة المحاولة', startFailed: 'تعذر بدء الدردشة. تحقق من اتصالك وحاول مرة أخرى.', code: 'الرمز',
      copy: 'نسخ الرمز', copied: 'تم النسخ', dismiss: 'لا شكرًا', validUntil: 'صالح حتى {date}', offer: 'عرض: {title}',
      state_bot: 'المساعد', state_queued: 'بانتظار موظف…', state_agent: 'أنت تتحدث مع موظف',
      state_closed: 'انتهت المحادثة'
    }
  };

  // ---- configuration (the script tag's data attributes) ----------------------------------------------------

  var data = script.dataset;
  var scriptUrl = new URL(script.src, document.baseURI);
  var config = {
    url: (data.parleyUrl || scriptUrl.origin).replace(/\/+$/, ''),
    locale: data.locale || document.documentElement.lang || navigator.language || 'en',
    customerId: data.customerId || null,
    name: data.name || null,
    accent: data.accent || null,
    position: data.position === 'left' ? 'left' : 'right',
    cssUrl: data.css || new URL('parley-widget.css', scriptUrl).href
  };
  var language = config.locale.toLowerCase().split(/[-_]/)[0];
  var strings = STRINGS[language] || STRINGS.en;
  config.title = data.title || strings.title;
  config.subtitle = data.subtitle || strings.subtitle;
  var direction = RTL_LANGUAGES.indexOf(language) >= 0 ? 'rtl' : 'ltr';
  var wsUrl = config.url.replace(/^http/i, 'ws');

  function t(key, values) {
    var text = strings[key] !== undefined ? strings[key] : STRINGS.en[key];
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && values[name] !== undefined ? String(values[name]) : whole;
    });
  }

  // ---- storage: session id, visitor id, last seq (one JSON object per Parley server) ------------------------

  var storageKey = 'parley.webchat:' + config.url;
  var memoryStore = {};
  var storage = {
    load: function () {
      try {
        var raw = window.localStorage.getItem(storageKey);
        return raw ? JSON.parse(raw) || {} : {};
      } catch (e) {
        return memoryStore; // storage disabled (privacy mode) or a corrupt entry: the session lives per page
      }
    },
    save: function (patch) {
      var value = storage.load();
      Object.keys(patch).forEach(function (key) {
        if (patch[key] === null || patch[key] === undefined) {
          delete value[key];
        } else {
          value[key] = patch[key];
        }
      });
      memoryStore = value;
      try {
        window.localStorage.setItem(storageKey, JSON.stringify(value));
      } catch (e) {
        // keep the in-memory copy
      }
    }
  };

  // ---- small helpers ---------------------------------------------------------------------------------------

  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    // crypto.randomUUID needs a secure context; plain http pages still have getRandomValues
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-'
      + hex.slice(20);
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (name === 'text') {
        node.textContent = value;
      } else if (name === 'className') {
        node.className = value;
      } else {
        node.setAttribute(name, value === true ? '' : value);
      }
    });
    (children || []).forEach(function (child) {
      if (child) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function icon(paths) {
    var svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    paths.forEach(function (d) {
      var path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
      path.setAttribute('d', d);
      svg.appendChild(path);
    });
    return svg;
  }

  var ICON_CHAT = ['M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z'];
  var ICON_CLOSE = ['M6 6l12 12', 'M18 6L6 18'];
  var ICON_SEND = ['M3 11.5L21 3l-8.5 18-2.2-7.3L3 11.5z'];

  /** Text with its http(s) links made clickable; never parsed as HTML. */
  function richText(text) {
    var fragment = document.createDocumentFragment();
    var pattern = /https?:\/\/[^\s<>"']+/g;
    var last = 0;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      var url = match[0].replace(/[.,;:!?)\]]+$/, '');
      fragment.appendChild(document.createTextNode(text.slice(last, match.index)));
      fragment.appendChild(el('a', { href: url, target: '_blank', rel: 'noopener noreferrer nofollow', text: url }));
      last = match.index + url.length;
      pattern.lastIndex = last;
    }
    fragment.appendChild(document.createTextNode(text.slice(last)));
    return fragment;
  }

  function formatPrice(price, currency) {
    if (price === null || price === undefined) {
      return null;
    }
    try {
      return currency ? new Intl.NumberFormat(config.locale, { style: 'currency', currency: currency }).format(price)
        : new Intl.NumberFormat(config.locale).format(price);
    } catch (e) {
      return price + (currency ? ' ' + currency : '');
    }
  }

  function formatDate(iso, withTime) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) {
      return '';
    }
    try {
      return withTime ? date.toLocaleString(config.locale) : date.toLocaleDateString(config.locale);
    } catch (e) {
      return date.toISOString();
    }
  }

  function authorName(author) {
    return author === 'shopper' ? t('you') : author === 'agent' ? t('agent') : author === 'system' ? t('system')
      : t('bot');
  }

  // ---- the DOM (in a shadow root, so the page's CSS and the widget's never touch) ---------------------------

  var host = el('div', { id: 'parley-webchat', 'data-parley-widget': VERSION });
  var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
  host.style.setProperty('visibility', 'hidden'); // until the stylesheet is in: no flash of unstyled markup
  if (config.accent) {
    host.style.setProperty('--parley-accent', config.accent);
  }
  var stylesheet = el('link', { rel: 'stylesheet', href: config.cssUrl });
  stylesheet.addEventListener('load', function () { host.style.removeProperty('visibility'); });
  stylesheet.addEventListener('error', function () { host.style.removeProperty('visibility'); });

  var launcherBadge = el('span', { className: 'parley-badge', 'aria-hidden': 'true', hidden: true });
  var launcher = el('button', {
    type: 'button', className: 'parley-launcher', 'aria-expanded': 'false', 'aria-controls': 'parley-panel',
    'aria-label': config.title
  }, [icon(ICON_CHAT), launcherBadge]);

  var closeButton = el('button', { type: 'button', className: 'parley-close', 'aria-label': t('close') },
    [icon(ICON_CLOSE)]);
  var subtitle = el('p', { className: 'parley-subtitle', text: config.subtitle });
  var header = el('header', { className: 'parley-header' }, [
    el('div', { className: 'parley-avatar', 'aria-hidden': 'true' }, [icon(ICON_CHAT)]),
    el('div', { className: 'parley-heading' }, [
      el('h2', { id: 'parley-title', className: 'parley-title', text: config.title }), subtitle]),
    closeButton]);
  var connectionNotice = el('p', { className: 'parley-connection', role: 'status', hidden: true });
  var log = el('ol', { className: 'parley-log', 'aria-label': t('messages'), tabindex: '0' });
  var typingText = el('span', { className: 'parley-sr' });
  var typingIndicator = el('div', { className: 'parley-typing', hidden: true }, [
    el('span', { className: 'parley-dots', 'aria-hidden': 'true' }, [el('span'), el('span'), el('span')]),
    typingText]);
  var suggestions = el('div', { className: 'parley-suggestions', role: 'group', 'aria-label': t('suggestions'),
    hidden: true });
  var input = el('textarea', {
    id: 'parley-input', className: 'parley-input', rows: '1', dir: 'auto', maxlength: String(MAX_TEXT),
    placeholder: t('placeholder'), autocomplete: 'off', enterkeyhint: 'send'
  });
  var sendButton = el('button', { type: 'submit', className: 'parley-send', 'aria-label': t('send') },
    [icon(ICON_SEND)]);
  var composer = el('form', { className: 'parley-composer', novalidate: true }, [
    el('label', { className: 'parley-sr', for: 'parley-input', text: t('inputLabel') }), input, sendButton]);
  var announcer = el('div', { className: 'parley-sr', 'aria-live': 'polite', 'aria-relevant': 'additions' });
  var panel = el('section', {
    id: 'parley-panel', className: 'parley-panel', role: 'dialog', 'aria-modal': 'false',
    'aria-labelledby': 'parley-title', hidden: true
  }, [header, connectionNotice, log, typingIndicator, suggestions, composer]);
  var container = el('div', {
    className: 'parley parley--' + config.position, dir: direction, lang: config.locale
  }, [panel, launcher, announcer]);
  root.appendChild(stylesheet);
  root.appendChild(container);

  // ---- conversation state ----------------------------------------------------------------------------------

  var session = null;           // { sessionId, visitorId }
  var sessionStarting = null;   // the promise of a session being started
  var byId = {};                // message id -> true, for de-duplication
  var bySeq = {};               // seq -> <li>, kept in seq order in the log
  var pending = {};             // clientMessageId -> outbox item, shown until the stored copy arrives
  var watermark = 0;            // every message with seq <= watermark is shown: resume the socket after it
  var lastOutbound = null;      // the latest message, if it is the assistant's (its quick replies are offered)
  var latestSeq = 0;
  var outbox = [];              // messages to send, in order; each keeps its clientMessageId across retries
  var sending = false;
  var unread = 0;
  var isOpen = false;

  function setWatermark() {
    while (bySeq[watermark + 1]) {
      watermark++;
    }
    storage.save({ lastSeq: watermark });
  }

  function clearConversation() {
    byId = {};
    bySeq = {};
    watermark = 0;
    latestSeq = 0;
    lastOutbound = null;
    log.textContent = '';
    Object.keys(pending).forEach(function (id) { log.appendChild(pending[id].element); });
    refreshSuggestions();
  }

  // ---- rendering -------------------------------------------------------------------------------------------

  function offerCard(offer) {
    var price = formatPrice(offer.price, offer.currency);
    var card = el('article', { className: 'parley-offer', 'aria-label': t('offer', { title: offer.title }) });
    if (offer.imageUrl && /^https?:\/\//i.test(offer.imageUrl)) {
      card.appendChild(el('img', { className: 'parley-offer-image', src: offer.imageUrl, alt: '', loading: 'lazy' }));
    }
    card.appendChild(el('h3', { className: 'parley-offer-title', dir: 'auto', text: offer.title }));
    if (offer.description) {
      card.appendChild(el('p', { className: 'parley-offer-description', dir: 'auto', text: offer.description }));
    }
    if (price) {
      card.appendChild(el('p', { className: 'parley-offer-price', text: price }));
    }
    if (offer.couponCode) {
      var copy = el('button', { type: 'button', className: 'parley-copy', text: t('copy') });
      copy.addEventListener('click', function () {
        var done = function () { copy.textContent = t('copied'); };
        reportOffer(offer, 'accepted');
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(offer.couponCode).then(done, function () {});
        }
      });
      card.appendChild(el('div', { className: 'parley-coupon' }, [
        el('span', { className: 'parley-coupon-label', text: t('code') }),
        el('code', { className: 'parley-coupon-code', text: offer.couponCode }), copy]));
    }
    if (offer.expiresAt) {
      card.appendChild(el('p', { className: 'parley-offer-expiry',
        text: t('validUntil', { date: formatDate(offer.expiresAt, false) }) }));
    }
    if (offer.decisionId) {
      var dismiss = el('button', { type: 'button', className: 'parley-dismiss', text: t('dismiss') });
      dismiss.addEventListener('click', function () {
        reportOffer(offer, 'dismissed');
        card.hidden = true;
      });
      card.appendChild(dismiss);
    }
    return card;
  }

  // The personalization engine learns from what shoppers take and decline; its first report per decision counts.
  var reportedOffers = {};
  function reportOffer(offer, outcome) {
    if (!offer.decisionId || reportedOffers[offer.decisionId]) {
      return;
    }
    reportedOffers[offer.decisionId] = outcome;
    request('POST', '/api/offers/decisions/' + encodeURIComponent(offer.decisionId) + '/reward',
      { outcome: outcome }, 10000).catch(function () { delete reportedOffers[offer.decisionId]; });
  }

  function messageItem(message) {
    var author = message.author || 'bot';
    var item = el('li', {
      className: 'parley-message parley-message--' + author, 'data-author': author,
      'data-id': message.id || null, 'data-seq': message.seq ? String(message.seq) : null,
      'data-client-message-id': message.clientMessageId || null
    });
    var label = el('span', { className: author === 'agent' ? 'parley-author' : 'parley-author parley-sr',
      text: authorName(author) + (author === 'agent' ? '' : ': ') });
    var bubble = el('div', { className: 'parley-bubble', dir: 'auto' }, [richText(message.text || '')]);
    if (message.createdAt) {
      bubble.title = formatDate(message.createdAt, true);
    }
    item.appendChild(label);
    item.appendChild(bubble);
    if (message.offers && message.offers.length) {
      item.appendChild(el('div', { className: 'parley-offers' }, message.offers.map(offerCard)));
    }
    return item;
  }

  /** Puts the item in seq order; messages not stored yet stay last. */
  function place(item, seq) {
    var next = null;
    for (var child = log.firstElementChild; child; child = child.nextElementSibling) {
      var childSeq = Number(child.getAttribute('data-seq'));
      if (!childSeq || childSeq > seq) {
        next = child;
        break;
      }
    }
    log.insertBefore(item, next);
  }

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  function refreshSuggestions() {
    suggestions.textContent = '';
    var replies = lastOutbound && lastOutbound.quickReplies || [];
    replies.forEach(function (reply) {
      var button = el('button', { type: 'button', className: 'parley-chip', dir: 'auto', text: reply.title });
      button.addEventListener('click', function () {
        send(reply.title, reply.payload);
        input.focus();
      });
      suggestions.appendChild(button);
    });
    suggestions.hidden = replies.length === 0;
  }

  function announce(message) {
    announcer.appendChild(el('p', { text: t('announce', { who: authorName(message.author), text: message.text }) }));
    while (announcer.childNodes.length > ANNOUNCEMENTS_KEPT) {
      announcer.removeChild(announcer.firstChild);
    }
  }

  function setUnread(count) {
    unread = count;
    launcherBadge.textContent = count > 99 ? '99+' : String(count);
    launcherBadge.hidden = count === 0;
    launcher.setAttribute('aria-label', count === 0 ? config.title
      : config.title + ' (' + t('unread', { n: count }) + ')');
  }

  /**
   * Shows a stored message once, however many ways it arrives (POST answer, socket push, socket replay, history).
   * A shopper's message replaces its pending copy (matched by clientMessageId).
   */
  function accept(message, quiet) {
    if (!message || !message.id || byId[message.id] || (message.seq && bySeq[message.seq])) {
      return false;
    }
    byId[message.id] = true;
    var item;
    var waiting = message.clientMessageId && pending[message.clientMessageId];
    if (waiting) {
      delete pending[message.clientMessageId];
      waiting.stored = true;
      item = messageItem(message);
      if (waiting.element.parentNode) {
        waiting.element.parentNode.removeChild(waiting.element);
      }
      waiting.element = item;
    } else {
      item = messageItem(message);
    }
    place(item, message.seq);
    bySeq[message.seq] = item;
    setWatermark();
    if (message.seq > latestSeq) {
      latestSeq = message.seq;
      lastOutbound = message.direction === 'outbound' ? message : null;
      refreshSuggestions();
    }
    if (message.direction === 'outbound') {
      showTyping(message.author, false);
      if (!quiet) {
        announce(message);
        if (!isOpen) {
          setUnread(unread + 1);
        }
      }
    }
    scrollToEnd();
    return true;
  }

  // ---- typing indicator ------------------------------------------------------------------------------------

  var typingAuthors = {};
  var typingTimers = {};

  function showTyping(author, on) {
    clearTimeout(typingTimers[author]);
    if (on) {
      typingAuthors[author] = true;
      typingTimers[author] = setTimeout(function () { showTyping(author, false); }, TYPING_STALE_MS);
    } else {
      delete typingAuthors[author];
    }
    var who = Object.keys(typingAuthors)[0];
    typingIndicator.hidden = !who;
    typingIndicator.setAttribute('data-author', who || '');
    typingText.textContent = who ? t('typing', { who: authorName(who) }) : '';
    if (who) {
      scrollToEnd();
    }
  }

  // ---- HTTP ------------------------------------------------------------------------------------------------

  function request(method, path, body, timeoutMs) {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller && timeoutMs ? setTimeout(function () { controller.abort(); }, timeoutMs) : null;
    return fetch(config.url + path, {
      method: method,
      headers: body ? { 'Content-Type': 'application/json', Accept: 'application/json' }
        : { Accept: 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
      credentials: 'omit',
      cache: 'no-store',
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch (e) {
          json = null;
        }
        if (!response.ok) {
          var error = new Error(json && json.message || 'HTTP ' + response.status);
          error.status = response.status;
          error.code = json && json.error;
          error.retryAfter = Number(response.headers.get('Retry-After')) || 0;
          throw error;
        }
        return json;
      });
    }).finally(function () {
      clearTimeout(timer);
    });
  }

  /** Network failures, time-outs, 408, 429 and 5xx are worth trying again; other 4xx are final. */
  function retryable(error) {
    return !error.status || error.status === 408 || error.status === 429 || error.status >= 500;
  }

  function backoff(attempt, minMs, maxMs) {
    var ceiling = Math.min(maxMs, minMs * Math.pow(2, attempt));
    return Math.round(ceiling / 2 + Math.random() * ceiling / 2); // jitter: many tabs do not reconnect in step
  }

  // ---- the session -----------------------------------------------------------------------------------------

  function ensureSession() {
    if (session) {
      return Promise.resolve(session);
    }
    if (!sessionStarting) {
      sessionStarting = startSession(0).then(function (started) {
        sessionStarting = null;
        return started;
      }, function (error) {
        sessionStarting = null;
        throw error;
      });
    }
    return sessionStarting;
  }

  function startSession(attempt) {
    var saved = storage.load();
    var body = { locale: config.locale };
    if (saved.visitorId) {
      body.visitorId = saved.visitorId;
    }
    if (config.customerId) {
      body.customerId = config.customerId;
    }
    if (config.name) {
      body.name = config.name;
    }
    return request('POST', '/api/webchat/sessions', body, SEND_TIMEOUT_MS).then(function (started) {
      session = { sessionId: started.sessionId, visitorId: started.visitorId };
      storage.save({ sessionId: started.sessionId, visitorId: started.visitorId, lastSeq: 0 });
      clearConversation();
      accept(started.greeting, !isOpen);
      showNotice(null);
      connect();
      return session;
    }, function (error) {
      if (error.code === 'invalid_visitor_id' && saved.visitorId) {
        storage.save({ visitorId: null }); // a stored id the server no longer accepts: become a new visitor
        return startSession(attempt);
      }
      if (retryable(error) && attempt < MAX_SEND_ATTEMPTS) {
        return wait(error.retryAfter ? error.retryAfter * 1000 : backoff(attempt, 1000, RECONNECT_MAX_MS))
          .then(function () { return startSession(attempt + 1); });
      }
      showNotice(t('startFailed'));
      throw error;
    });
  }

  function wait(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  /** The server no longer knows the session (expired or removed): forget it; the next message starts a new one. */
  function forgetSession() {
    session = null;
    storage.save({ sessionId: null, lastSeq: null });
    disconnect();
    clearConversation();
    if (isOpen) {
      ensureSession().catch(function () {});
    }
  }

  /** After a page load: the stored session's history (unread: what came after the last seq this browser saw). */
  function restore() {
    var saved = storage.load();
    if (!saved.sessionId) {
      return;
    }
    session = { sessionId: saved.sessionId, visitorId: saved.visitorId };
    var seenBefore = Number(saved.lastSeq) || 0;
    var unseen = 0;
    var loadPage = function () {
      return request('GET', '/api/webchat/sessions/' + encodeURIComponent(session.sessionId) + '/messages?after='
        + watermark + '&limit=' + HISTORY_PAGE, null, SEND_TIMEOUT_MS).then(function (page) {
        page.messages.forEach(function (message) {
          if (accept(message, true) && message.direction === 'outbound' && message.seq > seenBefore) {
            unseen++;
          }
        });
        return page.hasMore && page.messages.length ? loadPage() : null;
      });
    };
    loadPage().then(function () {
      if (!isOpen && unseen) {
        setUnread(unseen);
      }
      connect();
    }, function (error) {
      if (error.status === 404) {
        forgetSession();
      } else {
        connect(); // the socket's replay fills in whatever the history request could not fetch
      }
    });
  }

  // ---- sending ---------------------------------------------------------------------------------------------

  function send(text, payload) {
    text = (text || '').trim();
    if (!text) {
      return;
    }
    var item = { clientMessageId: uuid(), text: text.slice(0, MAX_TEXT), payload: payload || null, attempts: 0 };
    item.element = pendingItem(item);
    pending[item.clientMessageId] = item;
    log.appendChild(item.element);
    lastOutbound = null;
    refreshSuggestions();
    scrollToEnd();
    sendTyping(false);
    outbox.push(item);
    pump();
  }

  function pendingItem(item) {
    var element = messageItem({ author: 'shopper', text: item.text, clientMessageId: item.clientMessageId });
    element.classList.add('parley-message--pending');
    element.appendChild(el('span', { className: 'parley-status', text: t('sending') }));
    return element;
  }

  function failed(item, error) {
    var element = item.element;
    element.classList.remove('parley-message--pending');
    element.classList.add('parley-message--failed');
    var status = element.querySelector('.parley-status');
    status.textContent = '';
    status.appendChild(document.createTextNode(t('failed') + ' '));
    if (error && error.status && !retryable(error) && error.message) {
      status.appendChild(document.createTextNode(error.message + ' '));
    }
    if (!error || retryable(error)) {
      var again = el('button', { type: 'button', className: 'parley-retry', text: t('retry') });
      again.addEventListener('click', function () {
        element.classList.remove('parley-message--failed');
        element.classList.add('parley-message--pending');
        status.textContent = t('sending');
        item.attempts = 0;
        outbox.push(item); // the same clientMessageId: if an earlier try got through, the server answers it again
        pump();
      });
      status.appendChild(again);
    }
  }

  /** Sends the outbox one message at a time, so the server stores them in the order they were written. */
  function pump() {
    if (sending || outbox.length === 0) {
      return;
    }
    sending = true;
    var item = outbox[0];
    var done = function () {
      outbox.shift();
      sending = false;
      pump();
    };
    ensureSession().then(function (current) {
      var body = { text: item.text, clientMessageId: item.clientMessageId };
      if (item.payload) {
        body.payload = item.payload;
      }
      return request('POST', '/api/webchat/sessions/' + encodeURIComponent(current.sessionId) + '/messages', body,
        SEND_TIMEOUT_MS);
    }).then(function (turn) {
      accept(turn.message, true);
      (turn.replies || []).forEach(function (reply) { accept(reply, false); });
      done();
    }, function (error) {
      item.attempts++;
      if (error.status === 404 && error.code === 'unknown_session' && item.attempts < MAX_SEND_ATTEMPTS) {
        forgetSession();
        sending = false;
        pump(); // the same item, in a new session
      } else if (retryable(error) && item.attempts < MAX_SEND_ATTEMPTS) {
        setTimeout(function () {
          sending = false;
          pump();
        }, error.retryAfter ? error.retryAfter * 1000 : backoff(item.attempts - 1, 1000, RECONNECT_MAX_MS));
      } else {
        if (!item.stored) {
          failed(item, error);
        }
        done();
      }
    });
  }

  // ---- the WebSocket: live messages, typing and state; resumes after the last seq shown ----------------------

  var socket = null;
  var reconnectAttempt = 0;
  var reconnectTimer = null;
  var stableTimer = null;
  var heartbeat = null;
  var shopperTyping = false;
  var shopperTypingTimer = null;

  function connect() {
    clearTimeout(reconnectTimer);
    reconnectTimer = null;
    if (!session || socket || !window.WebSocket) {
      return;
    }
    var ws = new WebSocket(wsUrl + '/ws/webchat/' + encodeURIComponent(session.sessionId) + '?after=' + watermark);
    socket = ws;
    container.setAttribute('data-connection', 'connecting');
    ws.onopen = function () {
      container.setAttribute('data-connection', 'open');
      showNotice(null);
      stableTimer = setTimeout(function () { reconnectAttempt = 0; }, STABLE_CONNECTION_MS);
      heartbeat = setInterval(function () { sendFrame({ type: 'ping' }); }, HEARTBEAT_MS);
    };
    ws.onmessage = function (event) {
      var frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (frame.type === 'message') {
        accept(frame.message, false);
      } else if (frame.type === 'typing') {
        showTyping(frame.author, !!frame.on);
      } else if (frame.type === 'state' && strings['state_' + frame.state] !== undefined) {
        subtitle.textContent = t('state_' + frame.state);
        container.setAttribute('data-state', frame.state);
      }
    };
    ws.onclose = function (event) {
      if (socket !== ws) {
        return; // closed on purpose
      }
      socket = null;
      container.setAttribute('data-connection', 'closed');
      clearTimeout(stableTimer);
      clearInterval(heartbeat);
      Object.keys(typingAuthors).forEach(function (author) { showTyping(author, false); });
      if (event.code === 4404) {
        forgetSession();
        return;
      }
      showNotice(t('reconnecting'));
      scheduleReconnect();
    };
  }

  function scheduleReconnect() {
    if (reconnectTimer || !session) {
      return;
    }
    var delay = backoff(reconnectAttempt++, RECONNECT_MIN_MS, RECONNECT_MAX_MS);
    reconnectTimer = setTimeout(connect, delay);
  }

  function disconnect() {
    clearTimeout(reconnectTimer);
    reconnectTimer = null;
    clearTimeout(stableTimer);
    clearInterval(heartbeat);
    var ws = socket;
    socket = null;
    container.removeAttribute('data-connection');
    if (ws) {
      ws.close(1000);
    }
  }

  function sendFrame(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
    }
  }

  function sendTyping(on) {
    clearTimeout(shopperTypingTimer);
    if (on) {
      shopperTypingTimer = setTimeout(function () { sendTyping(false); }, TYPING_IDLE_MS);
    }
    if (on !== shopperTyping) {
      shopperTyping = on;
      sendFrame({ type: 'typing', on: on });
    }
  }

  function showNotice(text) {
    connectionNotice.textContent = text || '';
    connectionNotice.hidden = !text;
  }

  // Back online or back to the tab: try now rather than at the end of the back-off.
  window.addEventListener('online', function () {
    if (session && !socket) {
      reconnectAttempt = 0;
      connect();
    }
  });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && session && !socket) {
      connect();
    }
  });

  // ---- opening, closing, keyboard --------------------------------------------------------------------------

  function open(focus) {
    if (!isOpen) {
      isOpen = true;
      panel.hidden = false;
      launcher.setAttribute('aria-expanded', 'true');
      container.classList.add('parley--open');
      storage.save({ open: true });
      setUnread(0);
      ensureSession().catch(function () {});
      scrollToEnd();
    }
    if (focus !== false) {
      input.focus();
    }
  }

  function close() {
    if (!isOpen) {
      return;
    }
    var hadFocus = root.activeElement && panel.contains(root.activeElement);
    isOpen = false;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    container.classList.remove('parley--open');
    storage.save({ open: false });
    sendTyping(false);
    if (hadFocus !== false) {
      launcher.focus();
    }
  }

  launcher.addEventListener('click', function () {
    if (isOpen) {
      close();
    } else {
      open();
    }
  });
  closeButton.addEventListener('click', close);
  container.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && isOpen) {
      event.preventDefault();
      close();
    }
  });
  composer.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim()) {
      input.focus();
      return;
    }
    input.value = '';
    autosize();
    send(text);
    input.focus();
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (composer.requestSubmit) {
        composer.requestSubmit();
      } else {
        composer.dispatchEvent(new Event('submit', { cancelable: true }));
      }
    }
  });
  input.addEventListener('input', function () {
    autosize();
    sendTyping(input.value.trim().length > 0);
  });

  function autosize() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight + 3, 120) + 'px'; // + the borders
    input.style.overflowY = input.scrollHeight + 3 > 120 ? 'auto' : 'hidden';
  }

  // ---- start -----------------------------------------------------------------------------------------------

  function mount() {
    document.body.appendChild(host);
    restore();
    if (storage.load().open) {
      open(false); // reopened as it was before the page load, without taking the focus from the page
    }
  }

  window.Parley = {
    version: VERSION,
    open: function () { open(); },
    close: close,
    toggle: function () {
      if (isOpen) {
        close();
      } else {
        open();
      }
    },
    send: function (text) {
      open();
      send(text);
    }
  };

  if (document.body) {
    mount();
  } else {
    document.addEventListener('DOMContentLoaded', mount);
  }
})();
