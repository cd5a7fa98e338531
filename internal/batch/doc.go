// Package batch converts many inputs at once: it expands folders into a
// stable, sorted list of inputs, runs the conversions on parallel workers
// while delivering results in input order with a bounded number in flight,
// and writes output files atomically (temporary file beside the target,
// then rename), so that an interrupted run leaves every output complete or
// absent. It knows nothing about the command line or the document format:
// the caller passes the conversion as a function.
package batch
