module github.com/plivo-powerpack/plivo-powerpack/bindings/go

go 1.21
