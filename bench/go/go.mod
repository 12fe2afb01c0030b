module github.com/plivo-powerpack/plivo-powerpack/bench/go

go 1.21

require github.com/plivo-powerpack/plivo-powerpack/bindings/go v0.0.0

// The staged module with the release library (scripts/bench.sh stages it there).
replace github.com/plivo-powerpack/plivo-powerpack/bindings/go => ../../target/dist-release/go
