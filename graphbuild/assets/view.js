// graphbuild's HTML view: the actor network drawn by sigma.js from the JSON in #graph-data.
// The vendored bundle defines GraphbuildVendor (graphology, sigma, ForceAtlas2). The page
// lays the graph out (a bounded ForceAtlas2 from a deterministic spiral), renders it once,
// and writes what it rendered and how long it took into <body data-*> for tests and benchmarks.
(function () {
  "use strict";

  var body = document.body;

  function fail(err) {
    body.dataset.state = "error";
    body.dataset.error = String((err && err.message) || err);
    var msg = document.getElementById("message");
    msg.hidden = false;
    msg.textContent = "The graph could not be drawn: " + body.dataset.error +
      " (the view needs WebGL; try another browser or enable hardware acceleration).";
  }

  // An element with attributes and children (strings become text nodes: data never becomes markup).
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k.slice(0, 5) === "data-") node.setAttribute(k, attrs[k]);
      else node[k] = attrs[k];
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function fields(names) {
    var out = {};
    names.forEach(function (name, i) { out[name] = i; });
    return out;
  }

  // How many ForceAtlas2 iterations: enough for a small graph to settle, bounded for a large
  // one so the first paint stays within a few seconds (Barnes-Hut makes one iteration O(n log n)).
  function layoutIterations(n) {
    if (n <= 500) return 300;
    return Math.max(30, Math.round(150000 / n));
  }

  function main() {
    var t0 = performance.now();
    var V = window.GraphbuildVendor;
    if (!V) throw new Error("the sigma.js bundle did not load");
    var D = JSON.parse(document.getElementById("graph-data").textContent);
    var NF = fields(D.node_fields), EF = fields(D.edge_fields), RF = fields(D.relation_fields);
    var XF = fields(D.evidence_fields), DF = fields(D.document_fields);
    var nodes = D.nodes, edges = D.edges, relations = D.relations, docs = D.documents;
    var N = nodes.length, E = edges.length;
    var quadColour = {};
    D.quads.forEach(function (q, i) { quadColour[q] = D.quad_colours[i]; });

    // adjacency, for a node's relations in both directions
    var outgoing = [], incoming = [];
    for (var i = 0; i < N; i++) { outgoing.push([]); incoming.push([]); }
    edges.forEach(function (e, j) { outgoing[e[EF.source]].push(j); incoming[e[EF.target]].push(j); });

    // ---------------------------------------------------------------- the graph
    var graph = new V.MultiDirectedGraph();
    var maxDegree = 1;
    nodes.forEach(function (n) { maxDegree = Math.max(maxDegree, n[NF.degree]); });
    // starting positions: a sunflower spiral, the most connected actors in the middle
    var rank = nodes.map(function (_n, k) { return k; }).sort(function (a, b) {
      return nodes[b][NF.degree] - nodes[a][NF.degree] || a - b;
    });
    var place = new Array(N);
    rank.forEach(function (k, r) { place[k] = r; });
    var minSize = N > 1000 ? 2 : 4, maxSize = N > 1000 ? 16 : 18;
    var golden = Math.PI * (3 - Math.sqrt(5));
    nodes.forEach(function (n, k) {
      var r = Math.sqrt(place[k] + 0.5), a = place[k] * golden;
      graph.addNode(String(k), {
        x: r * Math.cos(a), y: r * Math.sin(a),
        size: minSize + (maxSize - minSize) * Math.sqrt(n[NF.degree] / maxDegree),
        color: D.type_colours[n[NF.type]],
        label: n[NF.label],
      });
    });
    edges.forEach(function (e, j) {
      var quad = relations[e[EF.relation]][RF.quad];
      graph.addEdgeWithKey("e" + j, String(e[EF.source]), String(e[EF.target]), {
        size: Math.min(6, 1 + Math.log2(e[EF.statements])),
        color: quadColour[quad] || D.other_edge_colour,
      });
    });
    var tData = performance.now();

    var iterations = N > 1 ? layoutIterations(N) : 0;
    if (iterations) {
      var fa2 = V.forceAtlas2.inferSettings(graph);
      if (N <= 500) fa2.gravity = 1; // keeps a small graph's separate components in view
      V.forceAtlas2.assign(graph, {
        iterations: iterations,
        settings: fa2,
        getEdgeWeight: null,
      });
    }
    var tLayout = performance.now();

    // ---------------------------------------------------------------- filters
    var edgeShown = new Uint8Array(E), nodeEdges = new Uint32Array(N);
    var dates = [];
    edges.forEach(function (e) { e[EF.dates].forEach(function (d) { dates.push(d); }); });
    dates.sort();
    var firstDate = dates.length ? dates[0] : "", lastDate = dates.length ? dates[dates.length - 1] : "";
    var ui = {
      search: document.getElementById("search"),
      relation: document.getElementById("f-relation"),
      quad: document.getElementById("f-quad"),
      plover: document.getElementById("f-plover"),
      from: document.getElementById("f-from"),
      to: document.getElementById("f-to"),
      confidence: document.getElementById("f-confidence"),
      confidenceValue: document.getElementById("f-confidence-value"),
      shown: document.getElementById("shown"),
      details: document.getElementById("details"),
      panel: document.getElementById("panel"),
    };

    function applyFilters() {
      var rel = ui.relation.value === "" ? -1 : +ui.relation.value;
      var quad = ui.quad.value, plover = ui.plover.value;
      var from = ui.from.value || firstDate, to = ui.to.value || lastDate;
      var byDate = dates.length > 0 && (from > firstDate || to < lastDate);
      var minConf = +ui.confidence.value;
      ui.confidenceValue.textContent = minConf.toFixed(2);
      nodeEdges.fill(0);
      var shownEdges = 0, shownNodes = 0;
      for (var j = 0; j < E; j++) {
        var e = edges[j], r = relations[e[EF.relation]];
        var ok = (rel < 0 || e[EF.relation] === rel) &&
          (quad === "" || (quad === "-" ? r[RF.quad] === "" : r[RF.quad] === quad)) &&
          (plover === "" || r[RF.plover] === plover) &&
          e[EF.confidence] >= minConf - 1e-9;
        if (ok && byDate) {
          // an edge stays when one of its documents' dates is in the range (undated edges go)
          ok = e[EF.dates].some(function (d) { return d >= from && d <= to; });
        }
        edgeShown[j] = ok ? 1 : 0;
        if (ok) {
          shownEdges++;
          nodeEdges[e[EF.source]]++;
          nodeEdges[e[EF.target]]++;
        }
      }
      for (var k = 0; k < N; k++) if (nodeEdges[k]) shownNodes++;
      ui.shown.textContent = "Showing " + shownNodes + " of " + N + " actors and " + shownEdges + " of " + E +
        " relations.";
    }

    // ---------------------------------------------------------------- selection and focus
    var hovered = -1, selectedNode = -1, selectedEdge = -1;
    var focusNodes = null, focusEdges = null;

    function refocus() {
      var k = hovered >= 0 ? hovered : selectedNode;
      if (k < 0) { focusNodes = focusEdges = null; return; }
      focusNodes = {}; focusEdges = {};
      focusNodes[k] = true;
      outgoing[k].concat(incoming[k]).forEach(function (j) {
        if (!edgeShown[j]) return;
        focusEdges[j] = true;
        focusNodes[edges[j][EF.source]] = true;
        focusNodes[edges[j][EF.target]] = true;
      });
    }

    function nodeReducer(key, data) {
      var k = +key, res = Object.assign({}, data);
      if (!nodeEdges[k]) { res.hidden = true; return res; }
      if (focusNodes) {
        if (focusNodes[k]) { res.forceLabel = true; res.zIndex = 1; }
        else { res.color = "#e4e4e4"; res.label = ""; res.zIndex = 0; }
      }
      if (k === selectedNode || k === hovered) res.highlighted = true;
      return res;
    }

    function edgeReducer(key, data) {
      var j = +key.slice(1), res = Object.assign({}, data);
      if (!edgeShown[j] || (focusEdges && !focusEdges[j])) { res.hidden = true; return res; }
      if (j === selectedEdge) { res.color = "#222"; res.size = data.size + 2; res.zIndex = 1; }
      return res;
    }

    // ---------------------------------------------------------------- sigma
    applyFilters();
    var container = document.getElementById("graph");
    var arrows = E <= 5000;
    var renderer = new V.Sigma(graph, container, {
      // arrowheads double the drawing of a large graph's edges (measured with software WebGL):
      // above 5,000 relations edges are plain lines, and the panel gives each one's direction
      defaultEdgeType: arrows ? "arrow" : "line",
      enableEdgeEvents: true,
      zIndex: true,
      // labels only for nodes drawn at least this large: the hubs at first, more as one zooms in
      labelRenderedSizeThreshold: N > 300 ? 9 : 0,
      labelDensity: 0.7,
      hideEdgesOnMove: E > 5000,
      minCameraRatio: 0.005,
      maxCameraRatio: 20,
      nodeReducer: nodeReducer,
      edgeReducer: edgeReducer,
    }); // (draws the graph at once)

    function flush() {
      // wait for the GPU (software WebGL in headless tests): a one-pixel read from each layer
      // (edges, nodes, hovered nodes) blocks until that layer is drawn
      var contexts = renderer.webGLContexts || {};
      Object.keys(contexts).forEach(function (id) {
        var gl = contexts[id];
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      });
    }

    function countRendered() {
      var n = 0, m = 0;
      graph.forEachNode(function (key) { var d = renderer.getNodeDisplayData(key); if (d && !d.hidden) n++; });
      graph.forEachEdge(function (key) { var d = renderer.getEdgeDisplayData(key); if (d && !d.hidden) m++; });
      return [n, m];
    }

    flush();
    var tPaint = performance.now();
    body.dataset.scriptStartMs = t0.toFixed(1);
    body.dataset.sigmaMs = (tPaint - tLayout).toFixed(1);
    var counts = countRendered();
    body.dataset.nodes = N;
    body.dataset.edges = E;
    body.dataset.renderedNodes = counts[0];
    body.dataset.renderedEdges = counts[1];
    body.dataset.layoutIterations = iterations;
    body.dataset.dataMs = (tData - t0).toFixed(1);
    body.dataset.layoutMs = (tLayout - tData).toFixed(1);
    body.dataset.firstPaintMs = tPaint.toFixed(1); // since navigation start
    if (/check|bench/.test(location.hash)) {
      body.dataset.paintedPixels = paintedPixels(renderer.webGLContexts.nodes);
    }
    var benchmark = /bench/.test(location.hash);

    function paintedPixels(gl) {
      var w = gl.drawingBufferWidth, h = gl.drawingBufferHeight, buf = new Uint8Array(w * h * 4), n = 0;
      gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, buf);
      for (var p = 3; p < buf.length; p += 4) if (buf[p]) n++;
      return n;
    }

    // One filter change and its reset, one frame, one click on the best-connected actor: each
    // timed to the end of its drawing (the GPU's share is large with software WebGL) and, for the
    // filter, also without waiting for the GPU (sigma's own work, what a machine with a GPU pays).
    function bench() {
      function timed(fn) { var s = performance.now(); fn(); flush(); return (performance.now() - s).toFixed(1); }
      function filter(value) { ui.confidence.value = value; applyFilters(); renderer.refresh(); }
      body.dataset.filterRefreshMs = timed(function () { filter("0.6"); });
      body.dataset.filterShownEdges = countRendered()[1];
      body.dataset.resetRefreshMs = timed(function () { filter("0"); });
      var s = performance.now();
      filter("0.6");
      body.dataset.filterRefreshCpuMs = (performance.now() - s).toFixed(1);
      flush();
      filter("0");
      body.dataset.frameMs = timed(function () { renderer.render(); });
      body.dataset.selectRefreshMs = timed(function () { select("node", rank[0]); });
      select("", -1);
    }

    // The panel's answers to a few interactions, for the browser test: an edge's evidence, a
    // node's relations both ways, a search, a confidence filter that hides every edge.
    function check() {
      select("edge", 0);
      body.dataset.checkEvidence = ui.details.querySelectorAll("blockquote").length;
      select("node", rank[0]);
      body.dataset.checkNode = rank[0];
      body.dataset.checkNodeRelations = ui.details.querySelectorAll("li").length;
      ui.search.value = nodes[rank[N - 1]][NF.label];
      search();
      body.dataset.checkSearch = selectedNode;
      select("", -1);
      ui.confidence.value = "1";
      onFilter();
      body.dataset.checkFilteredEdges = countRendered()[1];
      document.getElementById("f-reset").click();
      body.dataset.checkResetEdges = countRendered()[1];
    }

    // ---------------------------------------------------------------- the side panel
    document.getElementById("counts").textContent = N + " actors, " + E + " relations" +
      (dates.length ? ", reported " + firstDate + " to " + lastDate : "") + ".";

    var plovers = {};
    relations.forEach(function (r, i) {
      var text = r[RF.label] === r[RF.name] ? r[RF.label] : r[RF.label] + " (" + r[RF.name] + ")";
      ui.relation.appendChild(el("option", { value: String(i), text: text }));
      if (r[RF.plover]) plovers[r[RF.plover]] = true;
    });
    D.quads.forEach(function (q) { ui.quad.appendChild(el("option", { value: q, text: q })); });
    ui.quad.appendChild(el("option", { value: "-", text: "no quad class" }));
    Object.keys(plovers).sort().forEach(function (p) { ui.plover.appendChild(el("option", { value: p, text: p })); });
    [ui.from, ui.to].forEach(function (input) {
      input.min = firstDate; input.max = lastDate; input.disabled = !dates.length;
    });
    ui.from.value = firstDate;
    ui.to.value = lastDate;

    document.getElementById("legend-note").textContent = "Node size: degree (relations in both directions). " +
      (arrows ? "Arrows point from subject to object." : "Edges are drawn without arrowheads (over 5,000 " +
        "relations); click an actor or a relation for the directions.");
    var typeLegend = document.getElementById("legend-types");
    var present = {};
    nodes.forEach(function (n) { present[n[NF.type]] = true; });
    D.types.forEach(function (t, i) {
      if (!present[i]) return;
      var dot = el("span", { className: "dot", style: "background:" + D.type_colours[i] });
      typeLegend.appendChild(el("span", { className: "key" }, [dot, t]));
    });
    var quadLegend = document.getElementById("legend-quads");
    D.quads.concat([""]).forEach(function (q) {
      var line = el("span", { className: "line", style: "background:" + (quadColour[q] || D.other_edge_colour) });
      quadLegend.appendChild(el("span", { className: "key" }, [line, q || "no quad class"]));
    });

    var names = document.getElementById("actor-names");
    var byLabel = nodes.map(function (n, k) { return k; }).sort(function (a, b) {
      return nodes[a][NF.label] < nodes[b][NF.label] ? -1 : nodes[a][NF.label] > nodes[b][NF.label] ? 1 : a - b;
    });
    byLabel.forEach(function (k) { names.appendChild(el("option", { value: nodes[k][NF.label] })); });

    function nodeLink(k) {
      return el("a", { text: nodes[k][NF.label], title: nodes[k][NF.iri], "data-node": String(k) });
    }

    function edgeLine(j, from) {
      var e = edges[j], r = relations[e[EF.relation]];
      var other = from ? e[EF.target] : e[EF.source];
      var rel = el("a", { text: r[RF.label], "data-edge": String(j) });
      var stats = " (" + e[EF.statements] + (e[EF.statements] === 1 ? " statement" : " statements") + ", " +
        e[EF.confidence].toFixed(2) + ")";
      return el("li", {}, from ? [rel, " → ", nodeLink(other), stats] : [nodeLink(other), " ", rel, " →", stats]);
    }

    function relationList(title, list, from) {
      var shown = list.filter(function (j) { return edgeShown[j]; });
      shown.sort(function (a, b) { return edges[b][EF.statements] - edges[a][EF.statements] || a - b; });
      var items = shown.map(function (j) { return edgeLine(j, from); });
      var hidden = list.length - shown.length;
      return [el("h3", { text: title + " (" + shown.length + (hidden ? ", " + hidden + " hidden by the filters" : "") + ")" }),
        el("ul", {}, items)];
    }

    // a definition list of [name, value] pairs, leaving out those without a value
    function factList(pairs) {
      var items = [];
      pairs.forEach(function (p) {
        if (p[1] !== "" && p[1] !== null && p[1] !== undefined) {
          items.push(el("dt", { text: p[0] }), el("dd", { text: String(p[1]) }));
        }
      });
      return el("dl", {}, items);
    }

    function showNode(k) {
      var n = nodes[k];
      var facts = factList([
        ["type", D.types[n[NF.type]]], ["country", n[NF.country]], ["degree", n[NF.degree]],
        ["mentions", n[NF.mentions]], ["Wikidata", n[NF.wikidata]], ["IRI", n[NF.iri]],
      ]);
      ui.details.replaceChildren.apply(ui.details, [el("h2", { text: n[NF.label] }), facts]
        .concat(relationList("Relations from " + n[NF.label], outgoing[k], true))
        .concat(relationList("Relations to " + n[NF.label], incoming[k], false)));
      ui.panel.hidden = false;
    }

    function showEdge(j) {
      var e = edges[j], r = relations[e[EF.relation]], s = e[EF.source], t = e[EF.target];
      var ds = e[EF.dates];
      var facts = factList([
        ["relation", r[RF.name]], ["PLOVER", r[RF.plover] || "–"], ["CAMEO", r[RF.cameo] || "–"],
        ["quad class", r[RF.quad] || "–"], ["statements", e[EF.statements]], ["documents", e[EF.documents]],
        ["confidence", e[EF.confidence].toFixed(2) + " (the highest)"],
        ["dates", ds.length > 3 ? ds[0] + " … " + ds[ds.length - 1] + " (" + ds.length + " dates)" : ds.join(", ") || "–"],
        ["where", e[EF.locations]],
      ]);
      var evidence = e[EF.evidence].map(function (x) {
        var doc = docs[x[XF.document]];
        return el("blockquote", {}, [x[XF.sentence], el("cite", {
          text: doc[DF.title] + (doc[DF.date] ? ", " + doc[DF.date] : "") + " · confidence " + x[XF.confidence].toFixed(2),
        })]);
      });
      var parallel = outgoing[s].concat(incoming[s]).filter(function (k) {
        var o = edges[k];
        return k !== j && ((o[EF.source] === s && o[EF.target] === t) || (o[EF.source] === t && o[EF.target] === s));
      });
      var rest = [];
      if (parallel.length) {
        rest = [el("h3", { text: "Other relations between them" }), el("ul", {}, parallel.map(function (k) {
          var o = edges[k];
          var link = el("a", { text: relations[o[EF.relation]][RF.label], "data-edge": String(k) });
          return el("li", {}, [nodeLink(o[EF.source]), " ", link, " ", nodeLink(o[EF.target]),
            edgeShown[k] ? "" : " (hidden by the filters)"]);
        }))];
      }
      ui.details.replaceChildren.apply(ui.details, [
        el("h2", {}, [nodeLink(s), " ", r[RF.label], " ", nodeLink(t)]), facts,
        el("h3", { text: "Evidence" + (e[EF.evidence].length < e[EF.statements]
          ? " (the " + e[EF.evidence].length + " most confident sentences)" : "") }),
      ].concat(evidence, rest));
      ui.panel.hidden = false;
    }

    function select(kind, index) {
      selectedNode = kind === "node" ? index : -1;
      selectedEdge = kind === "edge" ? index : -1;
      refocus();
      if (kind === "node") showNode(index);
      else if (kind === "edge") showEdge(index);
      else ui.panel.hidden = true;
      renderer.refresh({ skipIndexation: true });
    }

    function centreOn(k) {
      var d = renderer.getNodeDisplayData(String(k));
      var camera = renderer.getCamera();
      if (d) camera.animate({ x: d.x, y: d.y, ratio: Math.min(camera.ratio, 0.4) }, { duration: 400 });
    }

    document.getElementById("panel-close").addEventListener("click", function () { select("", -1); });
    ui.details.addEventListener("click", function (ev) {
      var a = ev.target.closest("a");
      if (!a) return;
      if (a.dataset.node !== undefined) { select("node", +a.dataset.node); centreOn(+a.dataset.node); }
      else if (a.dataset.edge !== undefined) select("edge", +a.dataset.edge);
    });

    // Hovering a node fades the rest of a small graph; on a large one, where every redraw
    // counts, sigma only highlights the node and its label (a click still brings the focus).
    var fadeOnHover = E <= 5000;
    renderer.on("enterNode", function (ev) {
      if (!fadeOnHover) return;
      hovered = +ev.node; refocus(); renderer.refresh({ skipIndexation: true });
    });
    renderer.on("leaveNode", function () {
      if (!fadeOnHover) return;
      hovered = -1; refocus(); renderer.refresh({ skipIndexation: true });
    });
    renderer.on("clickNode", function (ev) { select("node", +ev.node); });
    renderer.on("clickEdge", function (ev) { select("edge", +ev.edge.slice(1)); });
    renderer.on("clickStage", function () { select("", -1); });

    function find(text) {
      var q = text.trim().toLowerCase();
      if (!q) return -1;
      var exact = -1, code = -1, part = -1;
      for (var i = 0; i < byLabel.length; i++) {
        var k = byLabel[i], label = nodes[k][NF.label].toLowerCase();
        if (label === q && exact < 0) exact = k;
        if (nodes[k][NF.country].toLowerCase() === q && nodes[k][NF.type] === D.types.indexOf("State") && code < 0) code = k;
        if (part < 0 && label.indexOf(q) >= 0) part = k;
      }
      return exact >= 0 ? exact : code >= 0 ? code : part;
    }

    function search() {
      var k = find(ui.search.value);
      ui.search.setCustomValidity(k < 0 && ui.search.value.trim() ? "no actor by that name" : "");
      if (k >= 0) { select("node", k); centreOn(k); }
    }
    ui.search.addEventListener("change", search);
    ui.search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") search(); });

    function onFilter() {
      applyFilters();
      refocus();
      if (selectedNode >= 0) showNode(selectedNode);
      renderer.refresh();
    }
    [ui.relation, ui.quad, ui.plover, ui.from, ui.to].forEach(function (input) { input.addEventListener("change", onFilter); });
    ui.confidence.addEventListener("input", onFilter);
    document.getElementById("f-reset").addEventListener("click", function () {
      ui.relation.value = ""; ui.quad.value = ""; ui.plover.value = "";
      ui.from.value = firstDate; ui.to.value = lastDate; ui.confidence.value = "0";
      onFilter();
    });

    if (benchmark) bench();
    else if (/check/.test(location.hash)) check();
    body.dataset.state = "ready";
  }

  try {
    main();
  } catch (err) {
    fail(err);
  }
})();
