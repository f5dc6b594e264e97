// Each collection starts a whole platform and a browser: one at a time is what a two-core machine runs reliably.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
