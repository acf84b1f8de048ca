"""graphbuild: knowledge graphs of actor-relation-actor triples from international-relations text.

    import graphbuild
    kg = graphbuild.build(["Russia joined the AIIB in 2015.", "reports/", "https://example.org/rss.xml"])
    kg.triples(); kg.to_networkx(); kg.query("SELECT ..."); kg.export("out/", ["turtle", "graphml"])

The names below load on first use, so ``import graphbuild`` stays light (no spaCy until a parse).
"""

__version__ = "0.1.0"
__all__ = ["Graph", "KnowledgeGraph", "__version__", "build"]


def __getattr__(name: str):
    if name in ("build", "Graph"):
        from graphbuild import api

        return getattr(api, name)
    if name == "KnowledgeGraph":
        from graphbuild.store import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(f"module 'graphbuild' has no attribute {name!r}")
