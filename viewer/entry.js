// The one global the HTML view's own script uses: graphology's multigraph, sigma's renderer
// and ForceAtlas2 (the synchronous layout; the page runs it for a bounded number of iterations).
import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";
import forceAtlas2 from "graphology-layout-forceatlas2";

globalThis.GraphbuildVendor = { MultiDirectedGraph, Sigma, forceAtlas2 };
