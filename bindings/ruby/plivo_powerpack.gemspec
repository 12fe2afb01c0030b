# The gem: the generated module and the native library (put beside it by scripts/dist.sh)
# plus the Ruby layer in lib/plivo_powerpack.rb.
Gem::Specification.new do |s|
  s.name = "plivo_powerpack"
  # The one version source is the workspace Cargo.toml; scripts/dist.sh passes it in.
  s.version = ENV.fetch("PLIVO_POWERPACK_VERSION")
  s.summary = "Typed, validated, retrying client for Plivo's Powerpack API (Rust core via UniFFI)"
  s.authors = ["plivo-powerpack"]
  s.license = "MIT"
  s.homepage = "https://github.com/plivo-powerpack/plivo-powerpack"
  s.platform = "x86_64-linux"
  s.required_ruby_version = ">= 3.1"
  s.files = Dir["lib/**/*.rb"] + Dir["lib/**/*.so"] + ["README.md"]
  s.extra_rdoc_files = ["README.md"]
  s.require_paths = ["lib"]
  s.add_dependency "ffi", "~> 1.15"
end
