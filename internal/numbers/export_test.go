package numbers

// Internals returns the bookkeeping of n that Compare reads (the step of
// the last written digit, the significant digits, another reading), so
// that the golden test in package numbers_test records it too.
func Internals(n Number) (step float64, sig int, alt float64) { return n.step, n.sig, n.alt }
