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
      online: 'En ligne', cancelled: 'Annulé', label: 'Label Sud IA', subscribe: "S'abonner (iCal)",
      left: function (n) { return n > 1 ? n + ' places restantes' : 'Dernière place'; },
      WAITLIST: "Complet — liste d'attente", FULL: 'Complet', CLOSED: 'Inscriptions closes',
      NOT_YET_OPEN: 'Inscriptions bientôt ouvertes', book: 'Réserver', join: "S'inscrire en liste d'attente",
      name: 'Nom et prénom', email: 'Adresse e-mail', audience: 'Vous êtes', postcode: 'Code postal',
      send: 'Confirmer', close: 'Fermer', newsletter: "Recevoir la lettre d'information",
      booked: 'Réservation confirmée. Votre code : ', waiting: "Vous êtes sur la liste d'attente, position ",
      keep: ' Conservez ce lien pour gérer votre réservation : ', manage: 'gérer ma réservation',
      failed: 'Réservation impossible : ', newWindow: 'nouvelle fenêtre', loading: "Chargement de l'agenda…", audiences: { PUPIL: 'Élève', STUDENT: 'Étudiant·e',
        JOB_SEEKER: "Demandeur·se d'emploi", SENIOR: 'Senior', PROFESSIONAL: 'Professionnel·le',
        TEACHER: 'Enseignant·e', ELECTED_OFFICIAL: 'Élu·e', GENERAL_PUBLIC: 'Grand public' } },
    en: { title: 'Région Sud AI events', empty: 'No upcoming event.', error: 'Calendar unavailable.',
      online: 'Online', cancelled: 'Cancelled', label: 'Sud IA label', subscribe: 'Subscribe (iCal)',
      left: function (n) { return n > 1 ? n + ' seats left' : 'Last seat'; },
      WAITLIST: 'Full — waitlist open', FULL: 'Full', CLOSED: 'Registration closed',
      NOT_YET_OPEN: 'Registration opens soon', book: 'Book', join: 'Join the waitlist',
      name: 'Full name', email: 'Email address', audience: 'You are', postcode: 'Postcode',
      send: 'Confirm', close: 'Close', newsletter: 'Receive the newsletter',
      booked: 'Booking confirmed. Your code: ', waiting: 'You are on the waitlist, position ',
      keep: ' Keep this link to manage your booking: ', manage: 'manage my booking',
      failed: 'Booking failed: ', newWindow: 'opens in a new window', loading: 'Loading the calendar…', audiences: { PUPIL: 'Pupil', STUDENT: 'Student', JOB_SEEKER: 'Job seeker',
        SENIOR: 'Senior', PROFESSIONAL: 'Professional', TEACHER: 'Teacher', ELECTED_OFFICIAL: 'Elected official',
        GENERAL_PUBLIC: 'General public' } }
  };
  var uid = 0;

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

    /** Its lang attribute, else the page's language; French unless English. */
    lang() {
      var lang = this.getAttribute('lang') || (this.closest('[lang]') || document.documentElement).getAttribute('lang') || 'fr';
      return /^en(-|$)/i.test(lang) ? 'en' : 'fr';
    }

    load() {
      var self = this;
      var t = TEXT[this.lang()];
      if (!this.shadowRoot.firstChild) {
        // The loading state, announced: replaced by the list, the empty state or the error.
        var loading = el('p', null, t.loading);
        loading.setAttribute('role', 'status');
        loading.setAttribute('lang', this.lang());
        this.shadowRoot.appendChild(loading);
      }
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
      // Partner sites theme it with CSS custom properties on the element (they cross the shadow boundary):
      // --sudia-accent (else the theme attribute), --sudia-text, --sudia-muted, --sudia-background, --sudia-border,
      // --sudia-font, --sudia-focus (the keyboard focus ring); and with ::part() (container, heading, item, seats, book-button, booking-form).
      style.textContent = ':host{display:block;font:var(--sudia-font,14px/1.4 system-ui,sans-serif);' +
        'color:var(--sudia-text,#222);--c:var(--sudia-accent,' + colour + ')}' +
        'section{border:1px solid var(--sudia-border,#ddd);border-top:4px solid var(--c);border-radius:6px;padding:12px;' +
        'background:var(--sudia-background,#fff)}' +
        'h2{margin:0 0 8px;font-size:16px;color:var(--c)}ul{list-style:none;margin:0;padding:0}' +
        'li{padding:8px 0;border-bottom:1px solid #eee}li:last-child{border:0}' +
        'time{display:block;font-size:12px;color:var(--sudia-muted,#555)}a{color:inherit;font-weight:600;text-decoration:none}' +
        'a:hover{text-decoration:underline}.where{font-size:12px;color:var(--sudia-muted,#555)}' +
        '.badge{display:inline-block;margin-left:6px;padding:0 6px;border-radius:8px;font-size:11px;color:#fff;background:var(--c)}' +
        '.cancelled a{text-decoration:line-through}.cancelled .badge{background:#b00020}' +
        'footer{margin-top:8px;font-size:12px}footer a{font-weight:400;color:var(--c)}' +
        '.seats{font-size:12px;margin:4px 0}button{font:inherit;font-size:13px;padding:4px 10px;border:1px solid var(--c);' +
        'border-radius:4px;background:var(--c);color:#fff;cursor:pointer}button.secondary{background:#fff;color:var(--c)}' +
        ':focus-visible{outline:3px solid var(--sudia-focus,#1d1d1b);outline-offset:2px;box-shadow:0 0 0 2px #fff}form{margin:8px 0;display:grid;gap:6px}' +
        'label{font-size:12px;display:grid;gap:2px}label.check{display:flex;gap:6px;align-items:flex-start}' +
        'input,select{font:inherit;padding:4px;border:1px solid #767676;border-radius:4px}' +
        '.result{font-size:13px;margin:6px 0}.result a{text-decoration:underline}.result.bad{color:#b00020}';
      root.appendChild(style);
      var section = el('section');
      section.setAttribute('part', 'container');
      section.setAttribute('lang', this.lang());
      var heading = el('h2', null, this.getAttribute('heading') || t.title);
      heading.setAttribute('part', 'heading');
      section.appendChild(heading);
      if (items === null) {
        var error = el('p', null, t.error);
        error.setAttribute('role', 'alert');
        section.appendChild(error);
      } else if (items.length === 0) {
        var empty = el('p', null, t.empty);
        empty.setAttribute('role', 'status');
        section.appendChild(empty);
      } else {
        var list = el('ul');
        var self = this;
        this.registrations = {};
        items.slice(0, count).forEach(function (item) {
          var ev = item._event || {};
          var li = el('li', ev.cancelled ? 'cancelled' : null);
          li.setAttribute('part', 'item');
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
          link.title = t.newWindow;
          link.setAttribute('aria-label', item.title + ' (' + t.newWindow + ')');
          link.rel = 'noopener';
          li.appendChild(link);
          if (ev.cancelled) li.appendChild(el('span', 'badge', t.cancelled));
          if (ev.organizer && ev.organizer.sudIaLabel) li.appendChild(el('span', 'badge', t.label));
          var where = [ev.venue, ev.city].filter(Boolean).join(', ') || (ev.onlineUrl ? t.online : '');
          if (where) li.appendChild(el('div', 'where', where));
          if (ev.registration && !ev.cancelled) self.offerBooking(li, ev, t);
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

    /** Seats left of the occurrence, and a booking form behind a button; the registration is read once per event. */
    offerBooking(li, ev, t) {
      var self = this;
      var seats = el('p', 'seats');
      seats.setAttribute('part', 'seats');
      li.appendChild(seats);
      var key = ev.eventId;
      if (!this.registrations[key]) {
        this.registrations[key] = fetch(base + 'bookings/' + key, { headers: { Accept: 'application/json' } })
          .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
      }
      this.registrations[key].then(function (registration) {
        var occurrence = (registration.occurrences || []).filter(function (o) {
          return o.originalStart === ev.originalStart;
        })[0];
        if (!occurrence) return;
        var state = occurrence.state;
        seats.textContent = state === 'OPEN' ? t.left(occurrence.seatsLeft) : (t[state] || '');
        if (state !== 'OPEN' && state !== 'WAITLIST') return;
        var button = el('button', null, state === 'OPEN' ? t.book : t.join);
        button.type = 'button';
        button.setAttribute('part', 'book-button');
        button.setAttribute('aria-expanded', 'false');
        button.addEventListener('click', function () {
          var open = li.querySelector('form');
          if (open) { open.remove(); button.setAttribute('aria-expanded', 'false'); return; }
          button.setAttribute('aria-expanded', 'true');
          li.appendChild(self.bookingForm(ev, registration, t, button));
          li.querySelector('input').focus();
        });
        li.appendChild(button);
      }).catch(function () { seats.textContent = ''; });
    }

    bookingForm(ev, registration, t, button) {
      var self = this;
      var form = el('form');
      form.setAttribute('part', 'booking-form');
      form.noValidate = false;
      function field(labelText, input) {
        var id = 'sudia-f' + (++uid);
        input.id = id;
        var label = el('label', input.type === 'checkbox' ? 'check' : null);
        label.htmlFor = id;
        if (input.type === 'checkbox') { label.appendChild(input); label.appendChild(el('span', null, labelText)); }
        else { label.appendChild(el('span', null, labelText)); label.appendChild(input); }
        form.appendChild(label);
        return input;
      }
      function input(type, name, autocomplete) {
        var i = el('input');
        i.type = type; i.name = name; i.required = type !== 'checkbox' || name === 'consent';
        if (autocomplete) i.autocomplete = autocomplete;
        return i;
      }
      var name = field(t.name, input('text', 'name', 'name'));
      var email = field(t.email, input('email', 'email', 'email'));
      var audience = el('select');
      audience.name = 'audience'; audience.required = true;
      var allowed = registration.audiences && registration.audiences.length ? registration.audiences : Object.keys(t.audiences);
      allowed.forEach(function (a) { var o = el('option', null, t.audiences[a] || a); o.value = a; audience.appendChild(o); });
      field(t.audience, audience);
      var postcode = field(t.postcode, input('text', 'postcode', 'postal-code'));
      postcode.pattern = '[0-9]{5}'; postcode.inputMode = 'numeric';
      var consentText = this.lang() === 'en' ? registration.consent.textEn : registration.consent.textFr;
      var consent = field(consentText, input('checkbox', 'consent'));
      var newsletter = field(t.newsletter, input('checkbox', 'newsletter'));
      var send = el('button', null, t.send);
      send.type = 'submit';
      form.appendChild(send);
      var result = el('p', 'result');
      result.setAttribute('role', 'status');
      result.setAttribute('aria-live', 'polite');
      form.appendChild(result);
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        send.disabled = true;
        var body = { name: name.value, email: email.value, audience: audience.value, postcode: postcode.value,
          consent: { version: registration.consent.version, accepted: consent.checked }, newsletter: newsletter.checked,
          language: self.lang() };
        fetch(base + 'bookings/' + ev.eventId + '/' + encodeURIComponent(ev.originalStart), { method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) })
          .then(function (r) { return r.json().then(function (json) { return { ok: r.ok, json: json }; }); })
          .then(function (answer) {
            result.textContent = '';
            if (!answer.ok) {
              result.className = 'result bad';
              result.setAttribute('role', 'alert');
              result.textContent = t.failed + (answer.json.detail || answer.json.title || '');
              send.disabled = false;
              return;
            }
            var booking = answer.json;
            result.className = 'result';
            result.appendChild(document.createTextNode(booking.status === 'WAITLISTED'
              ? t.waiting + booking.waitlistPosition + '.' : t.booked + booking.bookingCode + '.'));
            result.appendChild(document.createTextNode(t.keep));
            var manage = el('a', null, t.manage);
            manage.href = booking.manageUrl;
            manage.target = '_blank';
            manage.rel = 'noopener';
            manage.setAttribute('aria-label', t.manage + ' (' + t.newWindow + ')');
            result.appendChild(manage);
            Array.prototype.forEach.call(form.querySelectorAll('input,select,button[type=submit]'), function (i) { i.disabled = true; });
            button.remove();
          })
          .catch(function () {
            result.className = 'result bad';
            result.textContent = t.failed + t.error;
            send.disabled = false;
          });
      });
      return form;
    }
  }

  customElements.define('sudia-events', SudiaEvents);
})();
