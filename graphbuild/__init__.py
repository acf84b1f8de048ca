"""graphbuild: knowledge graphs of actor-relation-actor triples from international-relations text."""

__version__ = "0.1.0"
