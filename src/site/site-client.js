// The page's search, filters, sort and cards. Plain JavaScript with no dependency, inlined in the
// page. The state lives in the URL query (?q=...&framework=PyTorch&from=2020&sort=year&view=list),
// so a view can be shared and survives a reload. Within a facet the values are alternatives
// (PyTorch or JAX); the search, the section, the facets and the year range must all hold. A
// value's count is the number of entries it would show with the other filters as they are.
//
// The search works on words, as src/site/words.ts does at build time: lower case, no accents, cut
// at every character that is not a letter or a digit. A search word matches the start of a word
// ("TP" finds "TP" and "TPU", never "FTPipe"); a "quoted phrase" matches words that follow each
// other, each whole but the last; every word or phrase must match. A word or run of words that a
// group of the config's synonyms names matches any term of its groups ("ILP" finds "integer
// linear programming"). No regular expression is built from what a reader types or a config holds.
// Names the config chooses (facets, their values) are keys of Maps, never of plain objects.
'use strict';

/** Lower case without accents, so that "Sebastien" finds "Sébastien". */
function normalizeText(text) {
  const lower = text.toLowerCase();
  // Most text is ASCII: the normalization, the slow part, is for the rest.
  return /[^\x00-\x7f]/.test(lower) ? lower.normalize('NFKD').replace(/\p{M}/gu, '') : lower;
}

function wordsOf(text) {
  return normalizeText(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Whether the character at `at` is part of a word (a letter or a digit). */
function isWordAt(text, at) {
  if (at < 0 || at >= text.length) return false;
  const code = text.charCodeAt(at);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return /[\p{L}\p{N}]/u.test(text[at]);
}

/**
 * Where a phrase (its words, normalized) ends when it starts at `at`, a word start, or -1: each
 * word but the last must end there, and what separates the words is anything but a letter or a digit.
 */
function phraseEnd(text, at, words) {
  let position = at;
  for (let index = 0; index < words.length; index++) {
    if (!text.startsWith(words[index], position)) return -1;
    position += words[index].length;
    if (index === words.length - 1) return position;
    if (isWordAt(text, position)) return -1;
    while (position < text.length && !isWordAt(text, position)) position++;
  }
  return -1;
}

/**
 * Whether a normalized text holds the phrase at a word start. The text is searched as it is
 * (no pass over it cuts it into words first: at 10,000 entries that pass was the slow part).
 */
function holdsPhrase(text, words) {
  for (let at = text.indexOf(words[0]); at >= 0; at = text.indexOf(words[0], at + 1)) {
    if (!isWordAt(text, at - 1) && phraseEnd(text, at, words) >= 0) return true;
  }
  return false;
}

/** The config's synonyms as a lookup: a term's words → the phrases of every group it is in. */
function synonymIndex(groups) {
  const byTerm = new Map();
  let longest = 0;
  for (const group of groups) {
    const phrases = group.map(wordsOf).filter((words) => words.length > 0);
    for (const words of phrases) {
      longest = Math.max(longest, words.length);
      const key = words.join(' ');
      const known = byTerm.get(key) || [];
      for (const phrase of phrases) if (!known.some((other) => other.join(' ') === phrase.join(' '))) known.push(phrase);
      byTerm.set(key, known);
    }
  }
  return { byTerm, longest };
}

/**
 * The terms of a search: each is a list of phrases of which one must be found. Quoted phrases
 * are taken as they are; the longest run of other words that names a synonym becomes one term.
 */
function parseQuery(query, synonyms) {
  const tokens = [];
  for (const match of query.matchAll(/"([^"]*)"?|[^\s"]+/g)) {
    const quoted = match[1] !== undefined;
    const words = wordsOf(quoted ? match[1] : match[0]);
    if (words.length > 0) tokens.push({ words, quoted, text: quoted ? '"' + match[1].trim() + '"' : match[0] });
  }
  const terms = [];
  for (let at = 0; at < tokens.length; ) {
    let taken = 0;
    let phrases = null;
    let words = [];
    for (let next = at; next < tokens.length && !tokens[next].quoted && words.length < synonyms.longest; next++) {
      words = words.concat(tokens[next].words);
      const group = synonyms.byTerm.get(words.join(' '));
      if (group) {
        taken = next - at + 1;
        phrases = group;
      }
    }
    if (taken === 0) {
      taken = 1;
      phrases = [tokens[at].words];
    }
    terms.push({ phrases, text: tokens.slice(at, at + taken).map((token) => token.text).join(' ') });
    at += taken;
  }
  return terms;
}

function matchesTerm(text, term) {
  for (const phrase of term.phrases) if (holdsPhrase(text, phrase)) return true;
  return false;
}

/** A year box's value: four digits, or nothing (a year half typed filters nothing yet). */
function yearOf(text) {
  return text && /^\d{4}$/.test(text.trim()) ? Number(text) : null;
}

/**
 * The state a URL query describes. `choices` is what the page offers: `groups`, a Map from each
 * checkbox group (section and facets) to its values, `sorts` and `views`. A value the page does
 * not offer is left out (one in another case is taken as the page spells it), so an old or
 * mistyped link never filters on something no checkbox shows; an unknown sort or view is the default.
 */
function readState(search, choices) {
  const params = new URLSearchParams(search);
  const selected = new Map();
  for (const [group, values] of choices.groups) {
    const byLowerCase = new Map(values.map((value) => [value.toLowerCase(), value]));
    const chosen = [];
    for (const asked of params.getAll(group)) {
      const value = byLowerCase.get(asked.toLowerCase());
      if (value !== undefined && !chosen.includes(value)) chosen.push(value);
    }
    selected.set(group, chosen);
  }
  const sort = (params.get('sort') || '').toLowerCase();
  const view = (params.get('view') || '').toLowerCase();
  return {
    q: params.get('q') || '',
    selected,
    from: yearOf(params.get('from')),
    to: yearOf(params.get('to')),
    sort: choices.sorts.includes(sort) ? sort : '',
    view: choices.views.includes(view) ? view : '',
    added: addedDay(params.get('added')),
  };
}

/** The URL query of a state ('' for the unfiltered page). */
function queryOf(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const [group, values] of state.selected) for (const value of values) params.append(group, value);
  if (state.from !== null) params.set('from', String(state.from));
  if (state.to !== null) params.set('to', String(state.to));
  if (state.sort) params.set('sort', state.sort);
  if (state.view) params.set('view', state.view);
  if (state.added) params.set('added', state.added);
  const query = params.toString();
  return query ? '?' + query : '';
}

function filtering(state) {
  if (state.from !== null || state.to !== null || state.added) return true;
  for (const values of state.selected.values()) if (values.length > 0) return true;
  return false;
}

/**
 * Which entries the state shows, and each group value's count. An entry that fails only one
 * group's filter still counts for that group: choosing that value would show it.
 * Entries are { text, year, groups: Map(group → values) }, text as normalizeText gives it.
 */
function evaluate(entries, state, terms) {
  const active = [];
  for (const [group, values] of state.selected) if (values.length > 0) active.push([group, new Set(values)]);
  const counts = new Map();
  for (const group of state.selected.keys()) counts.set(group, new Map());
  const years = state.from !== null || state.to !== null;
  const shown = new Uint8Array(entries.length);
  let total = 0;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    let failedGroup = null;
    let failures = 0;
    for (const term of terms) {
      if (!matchesTerm(entry.text, term)) {
        failures = 2;
        break;
      }
    }
    if (failures === 0 && years) {
      if (entry.year === null || (state.from !== null && entry.year < state.from) || (state.to !== null && entry.year > state.to)) failures = 2;
    }
    if (failures === 0 && !addedSince(entry, state)) failures = 2;
    for (let at = 0; at < active.length && failures < 2; at++) {
      const [group, wanted] = active[at];
      const values = entry.groups.get(group);
      if (!(values && values.some((value) => wanted.has(value)))) {
        failedGroup = group;
        failures++;
      }
    }
    if (failures === 0) {
      shown[index] = 1;
      total++;
    }
    if (failures >= 2) continue;
    for (const [group, values] of entry.groups) {
      if (failures === 1 && group !== failedGroup) continue;
      const groupCounts = counts.get(group);
      if (!groupCounts) continue;
      for (const value of values) groupCounts.set(value, (groupCounts.get(value) || 0) + 1);
    }
  }
  return { shown, counts, total };
}

/** Entry indexes in the order a sort asks for (catalog order breaks ties). Relevance needs the terms. */
function sortedOrder(entries, sort, terms) {
  const order = entries.map((_, index) => index);
  if (sort === 'relevance') return relevanceOrder(entries, terms || []);
  const byYear = (direction) => (a, b) => {
    const ya = entries[a].year;
    const yb = entries[b].year;
    if (ya === yb) return a - b;
    if (ya === null) return 1;
    if (yb === null) return -1;
    return direction * (ya - yb);
  };
  if (sort === 'name') {
    const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
    order.sort((a, b) => collator.compare(entries[a].name, entries[b].name) || a - b);
  } else if (sort === 'year') order.sort(byYear(-1));
  else if (sort === 'year-asc') order.sort(byYear(1));
  else if (sort === 'added') order.sort(byAdded(entries));
  return order;
}

/** The name's words matching the whole search first, then names matching more of its terms, then the rest; catalog order within. */
function relevanceOrder(entries, terms) {
  const wanted = terms.map((term) => term.phrases[0].join(' ')).join(' ');
  const buckets = [];
  for (let index = 0; index < entries.length; index++) {
    const name = entries[index].nameText;
    let score = 0;
    if (terms.length > 0) {
      if (wordsOf(name).join(' ') === wanted) score = terms.length + 1;
      else for (const term of terms) if (matchesTerm(name, term)) score++;
    }
    (buckets[score] || (buckets[score] = [])).push(index);
  }
  const order = [];
  for (let score = buckets.length - 1; score >= 0; score--) if (buckets[score]) for (const index of buckets[score]) order.push(index);
  return order;
}

/**
 * Where in a text node the search's phrases (each a list of words) match: [start, end] pairs, as
 * the search matches (at word starts, each word whole but the last). The text is lower cased
 * character by character, so its offsets stay those of the node.
 */
function highlightSpans(text, phrases) {
  const spans = [];
  let lower = text.toLowerCase();
  if (lower.length !== text.length || /[^\x00-\x7f]/.test(lower)) {
    lower = Array.from(text, (character) => {
      const plain = character.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
      return plain.length === character.length ? plain : character;
    }).join('');
    if (lower.length !== text.length) return spans;
  }
  for (let at = 0; at < lower.length; at++) {
    if (!isWordAt(lower, at) || isWordAt(lower, at - 1)) continue;
    let end = -1;
    for (const words of phrases) end = Math.max(end, phraseEnd(lower, at, words));
    if (end > at) {
      spans.push([at, end]);
      at = end - 1;
    }
  }
  return spans;
}

// The dates entries were added (in the page when it was built from the catalog's git history):
// the "added since" filter and the sort by date added. Days are YYYY-MM-DD, compared as text.

/** A day as the date field and the URL give it, or '' for anything else. */
function addedDay(text) {
  return text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : '';
}

/** The entry was added on or after the state's day (every entry passes when none is set). */
function addedSince(entry, state) {
  return !state.added || (entry.added !== null && entry.added >= state.added);
}

/** Newest first, entries without a date last, catalog order between equals. */
function byAdded(entries) {
  return (a, b) => {
    const da = entries[a].added;
    const db = entries[b].added;
    if (da === db) return a - b;
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? 1 : -1;
  };
}

function start() {
  const form = document.getElementById('site:controls');
  const layout = document.getElementById('site:layout');
  const main = document.getElementById('site:entries');
  const status = document.getElementById('site:status');
  const empty = document.getElementById('site:empty');
  const emptyText = document.getElementById('site:empty-text');
  const search = document.getElementById('site:q');
  const from = document.getElementById('site:from');
  const to = document.getElementById('site:to');
  const sort = document.getElementById('site:sort');
  const view = document.getElementById('site:view');
  const addedInput = document.getElementById('site:added');
  const list = document.getElementById('site:list');
  const oneList = document.getElementById('site:one-list');
  // The page's own order of its parts: sections moved for a sort by relevance come back to it.
  const pageOrder = Array.from(main.children);
  let sectionsMoved = false;
  const filters = document.getElementById('site:filters');
  const activeNote = document.getElementById('site:active');
  const about = document.getElementById('site:about');
  const synonymData = document.getElementById('site:synonyms');
  const synonyms = synonymIndex(synonymData ? JSON.parse(synonymData.textContent) : []);
  const fieldsets = Array.from(form.querySelectorAll('fieldset.facet'));
  const groups = fieldsets.map((fieldset) => fieldset.dataset.key);
  const legends = new Map(fieldsets.map((fieldset) => [fieldset.dataset.key, fieldset.querySelector('legend').textContent]));
  const boxes = Array.from(form.querySelectorAll('fieldset.facet input[type=checkbox]'));
  const countOf = new Map(boxes.map((box) => [box, box.parentElement.querySelector('.count')]));
  const navCounts = new Map(Array.from(document.querySelectorAll('nav.sections li'), (item) => [item.querySelector('a').getAttribute('href').slice(1), item.querySelector('.count')]));
  const sections = Array.from(document.querySelectorAll('section.section')).map((element) => ({
    element,
    id: element.dataset.section,
    list: element.querySelector('.entries'),
    entries: [],
    total: 0,
  }));
  const entries = [];
  sections.forEach((section, sectionIndex) => {
    for (const element of section.list.children) {
      section.entries.push(entries.length);
      entries.push({ element, text: '', nameText: '', name: '', year: null, added: null, groups: null, section: sectionIndex });
    }
    section.total = section.entries.length;
  });

  // What the filters and the search read of a card (its values, year and words) is read when they
  // first need it, or in the tasks after start-up: the page is interactive sooner.
  let indexed = 0;
  function indexEntries(until) {
    for (; indexed < until; indexed++) {
      const entry = entries[indexed];
      const element = entry.element;
      entry.groups = new Map([['section', [element.dataset.section]]]);
      for (const group of groups) {
        if (group === 'section') continue;
        const values = element.getAttribute('data-f-' + group);
        if (values) entry.groups.set(group, values.split('\n'));
      }
      entry.year = yearOf(element.dataset.year);
      entry.added = addedDay(element.dataset.added) || null;
      const parts = element.getElementsByClassName('v');
      let text = '';
      for (let index = 0; index < parts.length; index++) text += parts[index].textContent + ' ';
      entry.name = parts[0] ? parts[0].textContent.trim() : '';
      entry.nameText = normalizeText(entry.name);
      entry.text = normalizeText(text);
    }
  }
  /** Reads the cards' words in short tasks once the page is interactive, so the first search rarely waits for them. */
  function indexInTasks() {
    const started = performance.now();
    while (indexed < entries.length && performance.now() - started < 8) indexEntries(Math.min(entries.length, indexed + 100));
    if (indexed < entries.length) setTimeout(indexInTasks, 0);
    else setTimeout(sortInTasks, 0);
  }

  /** Then the orders of the sorts, one per task, so the first choice of a sort need not wait for it. */
  function sortInTasks() {
    const sort = choices.sorts.find((candidate) => candidate && candidate !== 'relevance' && !orders.has(candidate));
    if (sort === undefined) return;
    orders.set(sort, sortedOrder(entries, sort));
    setTimeout(sortInTasks, 0);
  }

  const choices = {
    groups: new Map(groups.map((group) => [group, boxes.filter((box) => box.name === group).map((box) => box.value)])),
    sorts: sort ? Array.from(sort.options, (option) => option.value) : [''],
    views: view ? Array.from(view.options, (option) => option.value) : [''],
  };
  let state = readState(location.search, choices);
  let lastShown = null;
  let terms = [];

  function showState() {
    search.value = state.q;
    if (from) from.value = state.from === null ? '' : String(state.from);
    if (to) to.value = state.to === null ? '' : String(state.to);
    if (sort) sort.value = state.sort;
    if (view) view.value = state.view;
    if (addedInput) addedInput.value = state.added;
    for (const box of boxes) box.checked = (state.selected.get(box.name) || []).includes(box.value);
  }

  /** The order the entries should be in, or null for the catalog's; computed orders are kept (they do not depend on the filters). */
  const orders = new Map();
  function currentOrder() {
    if (!state.sort) return null;
    if (state.sort === 'relevance') return terms.length > 0 ? sortedOrder(entries, 'relevance', terms) : null;
    if (!orders.has(state.sort)) orders.set(state.sort, sortedOrder(entries, state.sort));
    return orders.get(state.sort);
  }

  /**
   * Brings the cards to the state: shown or hidden, in order, in their sections or in the one
   * list. At 10,000 entries, showing, hiding or moving every card at once would hold the next
   * frame for hundreds of milliseconds; so the cards are brought in their new order from the top,
   * the first screens' worth before the next frame and the rest in short tasks after it (a new
   * input starts over from the top). Nothing is touched that is already as it should be.
   */
  let job = 0;
  let placedKey = ' ';
  function render(shown) {
    const order = currentOrder();
    const relevance = state.sort === 'relevance' && order !== null;
    const key = order === null ? ' ' + state.view : (relevance ? 'relevance ' + state.q : state.sort) + ' ' + state.view;
    const moving = key !== placedKey;
    placedKey = key;
    let sequence = order || entries.map((_, index) => index);
    // By relevance the matches come first; the others, hidden, may stay anywhere.
    if (relevance) sequence = sequence.filter((index) => shown[index]);
    const inList = state.view === 'list';
    // By relevance, the section of the best match comes first (its other parts, the prose, wait while a search is on).
    if (relevance && !inList) {
      const seen = new Set();
      for (const index of sequence) {
        const section = sections[entries[index].section];
        if (!seen.has(section)) main.appendChild(section.element);
        seen.add(section);
      }
      sectionsMoved = true;
    } else if (sectionsMoved) {
      for (const part of pageOrder) main.appendChild(part);
      sectionsMoved = false;
    }
    // The view is a class: the lists it leaves are skipped by content-visibility, not unmade and remade (see site.css).
    main.classList.toggle('one-list', inList);
    const mine = ++job;
    // The last card placed in each list in this pass: the next one goes after it.
    const last = new Map();
    let at = 0;
    // Work is counted in cards changed: that, more than the script's own time, is what the next frame pays for.
    const step = (enough) => {
      if (mine !== job) return;
      let seen = 0;
      let changed = 0;
      for (; at < sequence.length; at++) {
        const entry = entries[sequence[at]];
        const element = entry.element;
        const hidden = shown[sequence[at]] === 0;
        if (element.hidden !== hidden) {
          element.hidden = hidden;
          changed++;
        }
        if (moving) {
          const container = inList ? list : sections[entry.section].list;
          const previous = last.get(container);
          if (previous ? previous.nextElementSibling !== element : container.firstElementChild !== element) {
            if (previous) previous.after(element);
            else container.prepend(element);
            changed++;
          }
          last.set(container, element);
        }
        if (!hidden) seen++;
        if (enough(seen, changed)) {
          at++;
          break;
        }
      }
      // The rest after the next frame, so that frame shows the top as it should be.
      if (at < sequence.length) afterFrame(() => step((_, count) => count >= 1000));
      else hideRest();
    };
    // Cards hidden by the search that are not in the sequence (a sort by relevance lists only the matches).
    const hideRest = () => {
      if (sequence.length === entries.length) return;
      for (let index = 0; index < entries.length; index++) if (!shown[index] && !entries[index].element.hidden) entries[index].element.hidden = true;
    };
    step((count, changes) => count >= 40 || changes >= 600);
  }

  function update() {
    terms = parseQuery(state.q, synonyms);
    indexEntries(entries.length);
    const result = evaluate(entries, state, terms);
    const { shown } = result;
    render(shown);
    const changed = !lastShown || lastShown.some((value, index) => value !== shown[index]);
    for (const section of sections) {
      let count = 0;
      for (const index of section.entries) count += shown[index];
      const hidden = count === 0;
      if (section.element.hidden !== hidden) section.element.hidden = hidden;
      const navCount = navCounts.get(section.id);
      if (changed && navCount) navCount.textContent = count === section.total ? '(' + section.total + ')' : '(' + count + ' of ' + section.total + ')';
    }
    if (changed) drawChart(shown);
    lastShown = shown;
    for (const box of boxes) {
      const text = '(' + (result.counts.get(box.name).get(box.value) || 0) + ')';
      const count = countOf.get(box);
      if (count.textContent !== text) count.textContent = text;
    }
    status.textContent = result.total + ' of ' + entries.length + ' entries';
    empty.hidden = result.total > 0;
    if (result.total === 0) emptyText.textContent = emptyMessage();
    const active = [...state.selected.values()].reduce((sum, values) => sum + values.length, 0) + (state.from !== null || state.to !== null ? 1 : 0) + (state.added ? 1 : 0);
    main.classList.toggle('filtering', terms.length > 0 || filtering(state));
    if (activeNote) activeNote.textContent = active > 0 ? ' (' + active + ' on)' : '';
    highlight.refresh();
    scheduleUrl();
  }

  // The URL follows once the frame is drawn (rewriting it costs the browser a few milliseconds),
  // once for a burst of input. A write still pending is made at once before a click (which may
  // follow a link to an entry and add a history entry), and dropped on back and forward, so it
  // never lands on another history entry.
  let urlPending = false;
  let urlVersion = 0;
  function scheduleUrl() {
    if (urlPending) return;
    urlPending = true;
    const version = urlVersion;
    afterFrame(() => {
      if (!urlPending || version !== urlVersion) return;
      urlPending = false;
      writeUrl();
    });
  }
  function flushUrl() {
    if (!urlPending) return;
    urlPending = false;
    urlVersion++;
    writeUrl();
  }
  function dropUrl() {
    urlPending = false;
    urlVersion++;
  }
  function writeUrl() {
    try {
      history.replaceState(null, '', location.pathname + queryOf(state) + location.hash);
    } catch {
      // Some browsers refuse to rewrite a file: URL; the page still works, the URL just does not follow.
    }
  }

  /** What was searched, and what dropping one word or one filter would show. */
  function emptyMessage() {
    const parts = [];
    if (terms.length > 0) parts.push('the search ' + terms.map((term) => '“' + term.text + '”').join(' '));
    for (const [group, values] of state.selected) if (values.length > 0) parts.push(legends.get(group) + ': ' + values.join(' or '));
    if (state.from !== null || state.to !== null) parts.push('years ' + (state.from === null ? '…' : state.from) + '–' + (state.to === null ? '…' : state.to));
    if (state.added) parts.push('added since ' + state.added);
    const hints = [];
    if (terms.length > 1) {
      for (const term of terms) {
        const total = evaluate(entries, state, terms.filter((other) => other !== term)).total;
        if (total > 0) hints.push('without “' + term.text + '”: ' + total);
      }
    }
    for (const [group, values] of state.selected) {
      if (values.length === 0) continue;
      const total = evaluate(entries, { ...state, selected: new Map([...state.selected, [group, []]]) }, terms).total;
      if (total > 0) hints.push('without the ' + legends.get(group) + ' filter: ' + total);
    }
    if (state.from !== null || state.to !== null) {
      const total = evaluate(entries, { ...state, from: null, to: null }, terms).total;
      if (total > 0) hints.push('without the years: ' + total);
    }
    if (state.added) {
      const total = evaluate(entries, { ...state, added: '' }, terms).total;
      if (total > 0) hints.push('without the date added: ' + total);
    }
    const asked = parts.length > 0 ? 'No entry matches ' + parts.join(', ') + '.' : 'No entry matches.';
    return hints.length > 0 ? asked + ' Drop a word or a filter: ' + hints.join('; ') + ' entries.' : asked + ' Try fewer or shorter words, or fewer filters.';
  }

  // The chart redraws its bars for the entries shown, on the whole catalog's scale (its pale bars behind).
  const chart = document.querySelector('svg.chart');
  const bars = chart ? Array.from(chart.querySelectorAll('rect[data-year]')) : [];
  function drawChart(shown) {
    if (!chart) return;
    const base = Number(chart.dataset.base);
    const scale = Number(chart.dataset.scale);
    const counts = new Map();
    for (let index = 0; index < entries.length; index++) {
      if (!shown[index] || entries[index].year === null) continue;
      const key = entries[index].year + ':' + entries[index].section;
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const tops = new Map();
    for (const bar of bars) {
      const year = bar.dataset.year;
      const count = counts.get(year + ':' + bar.dataset.s) || 0;
      const height = count * scale;
      const top = (tops.get(year) ?? base) - height;
      tops.set(year, top);
      bar.setAttribute('y', top.toFixed(1));
      bar.setAttribute('height', height.toFixed(1));
      const title = bar.firstElementChild;
      title.textContent = title.textContent.replace(/\d+$/, String(count));
    }
  }

  // Highlighting: the CSS Custom Highlight API marks the search's words without touching the
  // cards' text. Only cards the browser lays out (content-visibility) are marked, as they come.
  const highlight = (() => {
    const supported = typeof CSS !== 'undefined' && CSS.highlights && typeof Highlight === 'function';
    const marks = supported ? new Highlight() : null;
    if (supported) CSS.highlights.set('search', marks);
    const rendered = new Set();
    const rangesOf = new Map();
    let words = [];
    function mark(element) {
      const old = rangesOf.get(element);
      if (old) for (const range of old) marks.delete(range);
      rangesOf.delete(element);
      if (words.length === 0 || element.hidden) return;
      const ranges = [];
      for (const part of element.getElementsByClassName('v')) {
        const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const [begin, end] of highlightSpans(node.data, words)) {
            const range = new Range();
            range.setStart(node, begin);
            range.setEnd(node, end);
            marks.add(range);
            ranges.push(range);
          }
        }
      }
      rangesOf.set(element, ranges);
    }
    if (supported) {
      // Not bubbling, the event is seen here on its way down.
      document.addEventListener(
        'contentvisibilityautostatechange',
        (event) => {
          if (!event.target.classList || !event.target.classList.contains('entry')) return;
          if (event.skipped) {
            rendered.delete(event.target);
            const old = rangesOf.get(event.target);
            if (old) for (const range of old) marks.delete(range);
            rangesOf.delete(event.target);
          } else {
            rendered.add(event.target);
            mark(event.target);
          }
        },
        true,
      );
    }
    return {
      refresh() {
        if (!supported) return;
        const next = terms.flatMap((term) => term.phrases);
        if (next.join('|') === words.join('|')) return;
        words = next;
        marks.clear();
        rangesOf.clear();
        for (const element of rendered) mark(element);
      },
    };
  })();

  function readForm() {
    const selected = new Map();
    for (const group of groups) selected.set(group, boxes.filter((box) => box.name === group && box.checked).map((box) => box.value));
    state = {
      q: search.value,
      selected,
      from: from ? yearOf(from.value) : null,
      to: to ? yearOf(to.value) : null,
      sort: sort ? sort.value : '',
      view: view ? view.value : '',
      added: addedInput ? addedDay(addedInput.value) : '',
    };
    update();
  }

  function clear() {
    state = readState('', choices);
    state.sort = sort ? sort.value : '';
    state.view = view ? view.value : '';
    showState();
    update();
  }

  form.addEventListener('submit', (event) => event.preventDefault());
  // `input` fires for every kind of control here: keystrokes, checkboxes, the selects.
  layout.addEventListener('input', (event) => {
    if (event.target.closest('form, .results-bar')) readForm();
  });
  const clearButton = document.getElementById('site:clear');
  if (clearButton) clearButton.addEventListener('click', clear);
  // The empty result's box hides itself with its button: the focus goes on to the search.
  document.getElementById('site:clear-empty').addEventListener('click', () => {
    clear();
    search.focus();
  });
  // On a phone the filters close again over the entries they chose.
  const done = document.getElementById('site:done');
  if (done) {
    done.addEventListener('click', () => {
      filters.open = false;
      main.focus({ preventScroll: true });
      main.scrollIntoView();
    });
  }
  main.addEventListener('click', cardAction);
  // Back and forward between entries of this page (a jump to an anchor makes one): the URL is the state.
  document.addEventListener('click', flushUrl, true);
  window.addEventListener('popstate', () => {
    dropUrl();
    state = readState(location.search, choices);
    showState();
    update();
  });

  let citations = null;
  /** The copy and cite buttons of the cards (one listener for all). */
  function cardAction(event) {
    const button = event.target.closest('button');
    if (!button) return;
    const entry = button.closest('.entry');
    if (!entry) return;
    if (button.classList.contains('copy')) {
      copyText(location.href.replace(/#.*$/, '') + '#' + entry.id, button, 'Link copied');
    } else if (button.classList.contains('cite')) {
      let box = entry.querySelector('.citation');
      if (!box) {
        if (!citations) {
          const data = document.getElementById('site:citations');
          citations = new Map(Object.entries(data ? JSON.parse(data.textContent) : {}));
        }
        box = document.createElement('div');
        box.className = 'citation';
        box.id = entry.id + ':cite';
        const pre = document.createElement('pre');
        pre.tabIndex = 0;
        pre.setAttribute('aria-label', 'BibTeX of ' + entry.querySelector('h3').textContent);
        pre.textContent = citations.get(entry.id) || '';
        const copy = document.createElement('button');
        copy.type = 'button';
        copy.className = 'copy-bibtex';
        copy.textContent = 'Copy BibTeX';
        box.append(pre, copy);
        entry.querySelector('.where').after(box);
        button.setAttribute('aria-controls', box.id);
      } else {
        box.hidden = !box.hidden;
      }
      button.setAttribute('aria-expanded', String(!box.hidden));
    } else if (button.classList.contains('copy-bibtex')) {
      copyText(entry.querySelector('.citation pre').textContent, button, 'BibTeX copied');
    }
  }

  const announce = document.createElement('p');
  announce.className = 'vh';
  announce.setAttribute('role', 'status');
  document.body.append(announce);
  function copyText(text, button, done) {
    const say = () => {
      announce.textContent = done;
      const label = button.textContent;
      if (label !== done) {
        button.textContent = done;
        setTimeout(() => (button.textContent = label), 2000);
      }
    };
    const fallback = () => {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'vh';
      document.body.append(area);
      area.select();
      try {
        document.execCommand('copy');
      } finally {
        area.remove();
        button.focus();
      }
      say();
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(say, fallback);
    else fallback();
  }

  form.hidden = false;
  oneList.hidden = false;
  for (const hidden of document.querySelectorAll('#site\\:order')) hidden.hidden = false;
  // The side column for the controls exists only once they are shown.
  document.documentElement.classList.add('scripted');
  const phone = window.matchMedia('(max-width: 48rem)');
  // The introduction's rest folds away; on a phone the filters wait behind their button.
  if (about) about.open = false;
  if (filters) filters.open = !phone.matches;
  phone.addEventListener('change', () => {
    if (filters) filters.open = !phone.matches;
  });
  showState();
  // The page as built is the unfiltered state, counts and chart included: only a URL with a state needs an update.
  if (queryOf(state) !== '') update();
  // Showing the controls moved the entries: bring a linked entry back into view.
  const target = hashTarget();
  if (target) target.scrollIntoView();
  document.documentElement.dataset.ready = 'true';
  performance.mark('catalog-ready');
  setTimeout(indexInTasks, 0);
}

/** Runs a task once the next frame is drawn. */
function afterFrame(task) {
  requestAnimationFrame(() => setTimeout(task, 0));
}

/** The element the URL's fragment names, if any (a malformed one names none). */
function hashTarget() {
  if (!location.hash) return null;
  try {
    return document.getElementById(decodeURIComponent(location.hash.slice(1)));
  } catch {
    return null;
  }
}

if (typeof document !== 'undefined') start();
