/* biennien report page: filters, shareable filter links, sorting, test hooks.
 * Vanilla ES2017, no libraries, no network; inlined into timeline.html. */
(function () {
    'use strict';

    var DAY = 864e5;
    var $ = function (id) { return document.getElementById(id); };
    var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
    var table = $('events');
    if (!table || !table.tBodies.length)
        return finish();
    var tbody = table.tBodies[0];
    var fActor = $('f-actor'), fType = $('f-type'), fFrom = $('f-from'), fTo = $('f-to');
    var fClear = $('f-clear'), fCount = $('f-count');

    /* Case- and diacritic-insensitive form: "Đà Nẵng" -> "da nang". */
    function fold(s) {
        return String(s || '').toLowerCase().normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
    }

    function dayOf(y, m, d) { return Date.UTC(y, m, d) / DAY; }  /* m is 0-based */

    function iso(day) { return new Date(day * DAY).toISOString().slice(0, 10); }

    /* A TIMEX3 value ("2014-04-01", "2014-04", "2014", "2014-W14", "2014-Q2",
     * "2014-H1", "XXXX-04-01") as {first, last, unknown}: its first and last
     * day as UTC day numbers. An unknown year is put in leap year 2000, so
     * that such dates still order by month and day. null when unreadable. */
    function parseTimex(v) {
        var m = /^(\d{4}|XXXX)(?:-(?:W(\d\d)|Q([1-4])|H([12])|(\d\d)(?:-(\d\d))?))?/.exec(String(v || '').trim());
        if (!m)
            return null;
        var unknown = m[1] === 'XXXX', y = unknown ? 2000 : +m[1], mo = +m[5] || 0, d = +m[6] || 0;
        var first = dayOf(y, 0, 1), last = dayOf(y, 12, 0);            /* a year */
        if (m[2]) {                                  /* ISO week: week 1 holds 4 January */
            var jan4 = dayOf(y, 0, 4);
            first = jan4 - (new Date(jan4 * DAY).getUTCDay() + 6) % 7 + (m[2] - 1) * 7;
            last = first + 6;
        } else if (m[3] || m[4]) {                   /* a quarter or a half-year */
            var len = m[3] ? 3 : 6, n = +(m[3] || m[4]);
            first = dayOf(y, (n - 1) * len, 1);
            last = dayOf(y, n * len, 0);
        } else if (mo >= 1 && mo <= 12) {
            first = d >= 1 && d <= 31 ? dayOf(y, mo - 1, d) : dayOf(y, mo - 1, 1);
            last = d >= 1 && d <= 31 ? first : dayOf(y, mo, 0);
        }
        return { first: first, last: last, unknown: unknown };
    }

    /* What each row is filtered and sorted by, computed once. */
    var info = Array.prototype.map.call(tbody.rows, function (tr) {
        var ds = tr.dataset, start = parseTimex(ds.date), end = ds.end ? parseTimex(ds.end) : null;
        var cell = function (cls) { var td = tr.querySelector('td.' + cls); return td ? td.textContent.trim() : ''; };
        return {
            tr: tr,
            /* 0 known, 1 unknown year, 2 unreadable */
            rank: !start ? 2 : start.unknown ? 1 : 0,
            first: start ? start.first : 0,
            last: start ? Math.max(start.last, end && end.unknown === start.unknown ? end.last : start.last) : 0,
            actors: fold(ds.actors),
            type: ds.type || '',
            keys: { type: cell('type') || ds.type || '', actors: cell('actors'), article: ds.article || cell('article') }
        };
    });

    /* ---- filters ---- */

    function state() {
        var v = function (c) { return c ? c.value.trim() : ''; };
        return { actor: v(fActor), type: v(fType), from: v(fFrom), to: v(fTo) };
    }

    function apply(writeHash) {
        var s = state(), q = fold(s.actor);
        var from = s.from ? parseTimex(s.from) : null, to = s.to ? parseTimex(s.to) : null;
        var shown = 0;
        info.forEach(function (ev) {
            var keep = (!q || ev.actors.indexOf(q) >= 0) && (!s.type || ev.type === s.type);
            if (keep && (from || to))
                keep = ev.rank === 0 && (!from || ev.last >= from.first) && (!to || ev.first <= to.last);
            ev.tr.hidden = !keep;
            shown += keep ? 1 : 0;
        });
        zebra();
        if (fCount) {
            fCount.textContent = shown + ' / ' + info.length + ' sự kiện';
            fCount.classList.toggle('none', shown === 0);
        }
        document.body.dataset.rows = String(shown);
        document.body.dataset.total = String(info.length);
        if (writeHash)
            saveHash(s);
    }

    /* Alternate shading over the visible rows only. */
    function zebra() {
        var odd = false;
        for (var i = 0; i < tbody.rows.length; i++) {
            var tr = tbody.rows[i];
            if (!tr.hidden)
                odd = !odd;
            tr.classList.toggle('alt', !tr.hidden && !odd);
        }
    }

    /* ---- the filter state in location.hash ---- */

    var KEYS = ['actor', 'type', 'from', 'to'];

    function saveHash(s) {
        var parts = KEYS.filter(function (k) { return s[k]; })
            .map(function (k) { return k + '=' + encodeURIComponent(s[k]); });
        var base = location.href.split('#')[0];
        var url = parts.length ? base + '#' + parts.join('&') : base;
        if (url === location.href)
            return;
        try {
            history.replaceState(history.state, '', url);
        } catch (e) {                         /* some browsers refuse it on file:// */
            if (parts.length)
                location.replace('#' + parts.join('&'));
        }
    }

    function setType(v) {
        if (!fType) return;
        var known = Array.prototype.some.call(fType.options, function (o) { return o.value === v; });
        if (!known && v) {                    /* keep a linked type even if this page lacks it */
            var o = document.createElement('option');
            o.value = v;
            o.textContent = v;
            fType.appendChild(o);
        }
        fType.value = v;
    }

    /* A date from a link: "2014" or "2014-Q2" is accepted too, as its first
     * (from) or last (to) day. */
    function linkDate(v, end) {
        var t = v ? parseTimex(v) : null;
        return t && !t.unknown ? iso(end ? t.last : t.first) : '';
    }

    /* Reads filters from the hash; false when the hash is not a filter state
     * ("#network", "#ev-…"). */
    function readHash() {
        var h = location.hash.replace(/^#/, '');
        if (h.indexOf('=') < 0)
            return false;
        var p = new URLSearchParams(h);
        if (fActor) fActor.value = p.get('actor') || '';
        setType(p.get('type') || '');
        if (fFrom) fFrom.value = linkDate(p.get('from'), false);
        if (fTo) fTo.value = linkDate(p.get('to'), true);
        return true;
    }

    function clearControls() {
        [fActor, fType, fFrom, fTo].forEach(function (c) { if (c) c.value = ''; });
    }

    function onHash() {
        if (readHash())
            return apply(false);
        /* a link to a row the filters hide ("#ev-3f2a…" from a figure): show all */
        var id = location.hash.slice(1), target;
        try { id = decodeURIComponent(id); } catch (e) { /* keep it raw */ }
        target = id && document.getElementById(id);
        if (target && target.parentNode === tbody && target.hidden) {
            clearControls();
            apply(false);
            target.scrollIntoView();
        }
    }

    /* ---- sorting ---- */

    var collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

    function compareBy(key) {
        if (key === 'date')
            return function (a, b) { return a.first - b.first || a.last - b.last; };
        return function (a, b) { return collator.compare(a.keys[key] || '', b.keys[key] || ''); };
    }

    function sortBy(th) {
        var key = th.dataset.sort;
        var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
        var cmp = compareBy(key);
        info.forEach(function (ev, i) { ev.pos = i; });  /* ties keep the current order */
        info.sort(function (a, b) {
            /* undated / unknown-year rows stay last in both directions */
            if (key === 'date' && a.rank !== b.rank)
                return a.rank - b.rank;
            return dir * cmp(a, b) || a.pos - b.pos;
        });
        var frag = document.createDocumentFragment();
        info.forEach(function (ev) { frag.appendChild(ev.tr); });
        tbody.appendChild(frag);
        each(table.querySelectorAll('th[data-sort]'), function (h) {
            if (h === th) h.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
            else h.removeAttribute('aria-sort');
        });
        zebra();
    }

    /* Each sortable heading gets a button, so that the keyboard reaches it. */
    each(table.querySelectorAll('thead th[data-sort]'), function (th) {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'sort';
        while (th.firstChild) b.appendChild(th.firstChild);
        th.appendChild(b);
        b.addEventListener('click', function () { sortBy(th); });
    });

    /* ---- wiring ---- */

    var live = function () { apply(true); };
    [fActor, fType, fFrom, fTo].forEach(function (c) {
        if (c) { c.addEventListener('input', live); c.addEventListener('change', live); }
    });
    if (fClear)
        fClear.addEventListener('click', function () {
            clearControls();
            apply(true);
            if (fActor) fActor.focus();
        });
    window.addEventListener('hashchange', onHash);

    table.classList.add('js');
    readHash();
    apply(false);
    showLatest();
    finish();

    /* A chronicle is read for what is new: the timeline opens at its end
     * (the latest columns, the last rows when time runs down), with no
     * box cut at either edge of the box: the view starts in a gap between
     * columns.  The scroll position is kept in data-scroll for the tests. */
    function showLatest() {
        var fig = document.querySelector('#timeline .figure');
        if (!fig) return;
        var across = fig.scrollWidth - fig.clientWidth >= fig.scrollHeight - fig.clientHeight;
        var view = across ? fig.clientWidth : fig.clientHeight;
        var max = across ? fig.scrollWidth - fig.clientWidth : fig.scrollHeight - fig.clientHeight;
        var box = fig.getBoundingClientRect(), spans = [];
        each(fig.querySelectorAll('g.node[id^="tl-ev-"], g.node[id^="tl-cell_"]'), function (g) {
            var r = g.getBoundingClientRect();
            var a = across ? r.left - box.left - fig.clientLeft + fig.scrollLeft
                           : r.top - box.top - fig.clientTop + fig.scrollTop;
            spans.push([a, a + (across ? r.width : r.height)]);
        });
        var cut = function (x) { return spans.some(function (s) { return s[0] < x - 0.5 && x + 0.5 < s[1]; }); };
        var pos = max;
        /* the largest position at most max where neither edge cuts a box */
        var candidates = [max].concat(spans.map(function (s) { return s[0] - 8; }))
            .filter(function (x) { return x >= 0 && x <= max; })
            .sort(function (x, y) { return y - x; });
        for (var i = 0; i < candidates.length; i++) {
            if (!cut(candidates[i]) && !cut(candidates[i] + view)) { pos = candidates[i]; break; }
        }
        if (across) fig.scrollLeft = pos;
        else fig.scrollTop = pos;
        fig.dataset.scroll = String(Math.round(across ? fig.scrollLeft : fig.scrollTop));
    }

    /* Test hooks: how many figures drew something, then "ready". Wide
     * figures scroll in their box, so the keyboard may focus them. */
    function finish() {
        var drawn = 0;
        each(document.querySelectorAll('.figure'), function (fig) {
            if (!fig.hasAttribute('tabindex')) fig.tabIndex = 0;
            each(fig.querySelectorAll('svg'), function (svg) {
                if (svg.ownerSVGElement) return;          /* nested: counted with its root */
                var r = svg.getBoundingClientRect(), g = svg.querySelector(':scope > g'), bb = r;
                try { bb = (g || svg).getBBox(); } catch (e) { /* not rendered: keep the box */ }
                if (r.width > 0 && r.height > 0 && bb.width > 0 && bb.height > 0) drawn++;
            });
        });
        document.body.dataset.svgs = String(drawn);
        measure();
        document.body.dataset.ready = '1';
    }

    /* Test hooks on what a reader sees: the smallest network label in
     * screen pixels (data-net-font), the timeline boxes cut by an edge of
     * their box along time (data-cut), and whether the timeline's legend stands
     * beside its picture (data-legend: "beside"). */
    function measure() {
        var ds = document.body.dataset, min = 0;
        each(document.querySelectorAll('#network svg g.node text'), function (t) {
            var m = t.getScreenCTM(), px = m ? parseFloat(t.getAttribute('font-size')) * Math.abs(m.a) : 0;
            if (px && (!min || px < min)) min = px;
        });
        ds.netFont = min.toFixed(1);
        var fig = document.querySelector('#timeline .figure');
        var legend = document.querySelector('#timeline .legend');
        if (!fig) return;
        var box = fig.getBoundingClientRect(), left = box.left + fig.clientLeft, right = left + fig.clientWidth;
        var top = box.top + fig.clientTop, bottom = top + fig.clientHeight;
        var through = function (a, b, x) { return a < x - 0.5 && b > x + 0.5; };
        /* along time: across unless the picture scrolls more down (--vertical) */
        var across = fig.scrollWidth - fig.clientWidth >= fig.scrollHeight - fig.clientHeight;
        var cut = 0;
        each(fig.querySelectorAll('g.node[id^="tl-ev-"], g.node[id^="tl-cell_"]'), function (g) {
            var r = g.getBoundingClientRect();
            if (across ? through(r.left, r.right, left) || through(r.left, r.right, right)
                       : through(r.top, r.bottom, top) || through(r.top, r.bottom, bottom))
                cut++;
        });
        ds.cut = String(cut);
        if (legend) {
            var l = legend.getBoundingClientRect();
            ds.legend = l.left >= box.right - 1 && l.top < box.bottom && l.height > 0 ? 'beside' : 'elsewhere';
        }
    }
}());
