"""Batch runs over many agencies: the registry cleaning, the batch runner, the distributed queue on Redis,
regression notifications, and the local site farm used by the tests and the benchmark."""
