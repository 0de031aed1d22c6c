/* <sudia-events>: the Région Sud AI calendar for partner sites. No dependency; styles isolated in shadow DOM.
   Embed: <script src="https://HOST/feeds/widget.js" async></script> <sudia-events count="5"></sudia-events> */
(function () {
  'use strict';
  if (window.customElements === undefined || customElements.get('sudia-events')) return;
  var script = document.currentScript;
  var base = script ? new URL('.', script.src).href : '/feeds/';
  var FILTERS = ['when', 'from', 'to', 'q', 'city', 'near', 'radiusKm', 'audience', 'tag', 'organizer', 'series',
    'status', 'attendance'];
  var TEXT = {
    fr: { title: 'Agenda IA de la Région Sud', empty: 'Aucun événement à venir.', error: 'Agenda indisponible.',
      online: 'En ligne', cancelled: 'Annulé', label: 'Label Sud IA', subscribe: "S'abonner (iCal)" },
    en: { title: 'Région Sud AI events', empty: 'No upcoming event.', error: 'Calendar unavailable.',
      online: 'Online', cancelled: 'Cancelled', label: 'Sud IA label', subscribe: 'Subscribe (iCal)' }
  };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  class SudiaEvents extends HTMLElement {
    static get observedAttributes() { return FILTERS.concat(['count', 'lang', 'theme', 'heading']); }

    constructor() {
      super();
      this.attachShadow({ mode: 'open' });
    }

    connectedCallback() { this.load(); }

    attributeChangedCallback() { if (this.isConnected) this.load(); }

    query() {
      var params = new URLSearchParams();
      var self = this;
      FILTERS.forEach(function (name) {
        var value = self.getAttribute(name);
        if (value) value.split(',').forEach(function (v) { params.append(name, v.trim()); });
      });
      params.set('lang', this.lang());
      return params;
    }

    lang() { return this.getAttribute('lang') === 'en' ? 'en' : 'fr'; }

    load() {
      var self = this;
      var url = base + 'events.json?' + this.query();
      fetch(url, { headers: { Accept: 'application/feed+json' } })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (feed) { self.render(feed.items || []); })
        .catch(function () { self.render(null); });
    }

    render(items) {
      var t = TEXT[this.lang()];
      var colour = this.getAttribute('theme') || '#005f73';
      var count = Math.max(1, Math.min(50, parseInt(this.getAttribute('count'), 10) || 5));
      var root = this.shadowRoot;
      root.textContent = '';
      var style = el('style');
      style.textContent = ':host{display:block;font:14px/1.4 system-ui,sans-serif;color:#222;--c:' + colour + '}' +
        'section{border:1px solid #ddd;border-top:4px solid var(--c);border-radius:6px;padding:12px;background:#fff}' +
        'h2{margin:0 0 8px;font-size:16px;color:var(--c)}ul{list-style:none;margin:0;padding:0}' +
        'li{padding:8px 0;border-bottom:1px solid #eee}li:last-child{border:0}' +
        'time{display:block;font-size:12px;color:#555}a{color:inherit;font-weight:600;text-decoration:none}' +
        'a:hover{text-decoration:underline}.where{font-size:12px;color:#555}' +
        '.badge{display:inline-block;margin-left:6px;padding:0 6px;border-radius:8px;font-size:11px;color:#fff;background:var(--c)}' +
        '.cancelled a{text-decoration:line-through}.cancelled .badge{background:#b00020}' +
        'footer{margin-top:8px;font-size:12px}footer a{font-weight:400;color:var(--c)}';
      root.appendChild(style);
      var section = el('section');
      section.setAttribute('part', 'container');
      section.appendChild(el('h2', null, this.getAttribute('heading') || t.title));
      if (items === null) {
        section.appendChild(el('p', null, t.error));
      } else if (items.length === 0) {
        section.appendChild(el('p', null, t.empty));
      } else {
        var list = el('ul');
        items.slice(0, count).forEach(function (item) {
          var ev = item._event || {};
          var li = el('li', ev.cancelled ? 'cancelled' : null);
          var when = el('time');
          var start = new Date(ev.startsAt);
          when.dateTime = ev.startsAt;
          var options = { timeZone: ev.timeZone || 'Europe/Paris', weekday: 'short', day: 'numeric', month: 'long',
            year: 'numeric' };
          if (!ev.allDay) { options.hour = '2-digit'; options.minute = '2-digit'; }
          when.textContent = new Intl.DateTimeFormat(this.lang === 'en' ? 'en-GB' : 'fr-FR', options).format(start);
          li.appendChild(when);
          var link = el('a', null, item.title);
          link.href = item.url;
          link.target = '_blank';
          link.rel = 'noopener';
          li.appendChild(link);
          if (ev.cancelled) li.appendChild(el('span', 'badge', t.cancelled));
          if (ev.organizer && ev.organizer.sudIaLabel) li.appendChild(el('span', 'badge', t.label));
          var where = [ev.venue, ev.city].filter(Boolean).join(', ') || (ev.onlineUrl ? t.online : '');
          if (where) li.appendChild(el('div', 'where', where));
          list.appendChild(li);
        }, { lang: this.lang() });
        section.appendChild(list);
      }
      var footer = el('footer');
      var ics = el('a', null, t.subscribe);
      ics.href = base + 'events.ics?' + this.query();
      footer.appendChild(ics);
      section.appendChild(footer);
      root.appendChild(section);
    }
  }

  customElements.define('sudia-events', SudiaEvents);
})();
