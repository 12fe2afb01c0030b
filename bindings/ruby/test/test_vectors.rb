# frozen_string_literal: true

# The conformance vectors of tests/vectors/ through the installed gem's API (keyword arguments on
# the client, the generated records and enums for the pool); results are mapped to the neutral
# form by `neutral`, errors by `error_fields`. The counts go to target/vectors/ruby.json.
require "sandbox_helper"
require "time"

ROOT = File.expand_path("../../..", __dir__)
KINDS = %w[requests responses retries validation].freeze
VECTOR_FILES = KINDS.to_h { |k| [k, JSON.parse(File.read(File.join(ROOT, "tests/vectors/#{k}.json")))] }
VECTOR_COUNTS = { "passed" => 0, "failed" => 0, "skipped" => 0 }
# What Ruby's API cannot express, and why: nothing.
VECTOR_SKIPS = {}.freeze

Minitest.after_run do
  FileUtils.mkdir_p(File.join(ROOT, "target/vectors"))
  File.write(File.join(ROOT, "target/vectors/ruby.json"),
             JSON.generate({ "language" => "ruby", **VECTOR_COUNTS, "skips" => [] }))
end

class VectorsTest < Minitest::Test
  include PlivoPowerpack

  SERVICE = { ServiceType::SMS => "SMS", ServiceType::MMS => "MMS" }.freeze
  NUMBER_TYPE = { NumberType::SHORTCODE => "shortcode", NumberType::TOLLFREE => "tollfree",
                  NumberType::LONGCODE => "longcode" }.freeze
  KIND = { "Validation" => "validation", "Authentication" => "authentication", "Forbidden" => "forbidden",
           "NotFound" => "not_found", "InvalidRequest" => "invalid_request", "RateLimited" => "rate_limited",
           "Server" => "server", "Timeout" => "timeout", "Network" => "network", "Decode" => "decode",
           "Tls" => "tls", "Internal" => "internal" }.freeze

  def self.client_for(kind)
    @clients ||= {}
    @clients[kind] ||= begin
      c = VECTOR_FILES[kind]["client"]
      r = c["retry"]
      Client.new(c["auth_id"], c["auth_token"], base_url: Sandbox::URL, max_attempts: r["max_attempts"],
                                                base_delay: r["base_delay_ms"] / 1000.0, max_delay: r["max_delay_ms"] / 1000.0)
    end
  end

  # A gem value in the neutral form.
  def neutral(value, key = nil)
    case value
    when nil, true, false, String, Float then value
    when Integer
      return SERVICE.fetch(value) if key == "service_type"
      return NUMBER_TYPE.fetch(value) if key&.start_with?("priority")

      value
    when Time then value.utc.strftime("%Y-%m-%dT%H:%M:%S.%6NZ")
    when Array then value.map { |v| neutral(v) }
    else
      value.instance_variables.to_h do |ivar|
        name = ivar.to_s.delete_prefix("@").delete_prefix("_") # the generator escapes `next` as `_next`
        [name == "number_type" && value.is_a?(PoolNumber) ? "type" : name, neutral(value.instance_variable_get(ivar), name)]
      end
    end
  end

  def application(a)
    case a["type"]
    when "xml" then Application::XML.new(app_id: a["id"])
    when "phlo" then Application::PHLO.new(phlo_id: a["id"])
    else Application::DETACH.new
    end
  end

  def fields(f)
    out = f.transform_keys(&:to_sym)
    out[:application] = application(f["application"]) if f.key?("application")
    if f.key?("number_priority")
      out[:number_priority] = f["number_priority"].map do |p|
        prio = p["priority"].to_h { |k, v| [k.to_sym, NUMBER_TYPE.key(v)] }
        NumberPriority.new(country_iso: p["country_iso"], service_type: SERVICE.key(p["service_type"].upcase),
                           priority: Priority.new(**prio))
      end
    end
    out
  end

  def filter(f)
    f ||= {}
    NumberFilter.new(starts_with: f.fetch("starts_with", []), country_iso2: f["country_iso2"],
                     number_type: f["number_type"] && PoolNumberType.const_get(f["number_type"].upcase),
                     service: f["service"] && ServiceType.const_get(f["service"].upcase))
  end

  # The operation through the gem's API, as a user would write it.
  def call(client, op, a)
    pool = -> { client.number_pool(a["pool_uuid"]) }
    service = a["service"] && ServiceType.const_get(a["service"].upcase)
    case op
    when "get_powerpack" then client.get_powerpack(a["uuid"])
    when "create_powerpack"
      f = fields(a["powerpack"])
      client.create_powerpack(f.delete(:name), **f)
    when "update_powerpack" then client.update_powerpack(a["uuid"], **fields(a["changes"]))
    when "list_powerpacks" then client.list_powerpacks(limit: a["limit"], offset: a["offset"])
    when "list_all_powerpacks" then client.list_all_powerpacks
    when "delete_powerpack" then client.delete_powerpack(a["uuid"], unrent_numbers: a.fetch("unrent_numbers", false))
    when "list_numbers" then pool.().list_numbers(filter(a["filter"]), a["limit"], a["offset"])
    when "list_all_numbers" then pool.().list_all_numbers(filter(a["filter"]))
    when "get_number" then pool.().get_number(a["number"])
    when "add_number" then pool.().add_number(a["number"], service)
    when "buy_and_add_number" then pool.().buy_and_add_number(a["number"], service)
    when "remove_number" then pool.().remove_number(a["number"], a.fetch("unrent", false))
    when "list_shortcodes" then pool.().list_shortcodes(a["limit"], a["offset"])
    when "list_all_shortcodes" then pool.().list_all_shortcodes
    when "get_shortcode" then pool.().get_shortcode(a["shortcode"])
    when "remove_shortcode" then pool.().remove_shortcode(a["shortcode"])
    when "list_tollfree" then pool.().list_tollfree(a["limit"], a["offset"])
    when "list_all_tollfree" then pool.().list_all_tollfree
    when "get_tollfree" then pool.().get_tollfree(a["number"])
    when "add_tollfree" then pool.().add_tollfree(a["number"])
    when "remove_tollfree" then pool.().remove_tollfree(a["number"], a.fetch("unrent", false))
    else raise "no operation #{op}"
    end
  end

  def error_fields(e)
    retry_after = e.respond_to?(:retry_after) ? e.retry_after : nil
    { "kind" => KIND.fetch(e.class.name.split("::").last),
      "status" => e.respond_to?(:status) ? e.status : nil,
      "api_id" => e.respond_to?(:api_id) ? e.api_id : nil,
      "reason" => e.reason,
      "retry_after" => retry_after && retry_after.to_r.to_f,
      "field" => e.respond_to?(:field) ? e.field : nil,
      "body_excerpt" => e.respond_to?(:body_excerpt) ? e.body_excerpt : nil }
  end

  def check(kind, v)
    Sandbox.reset
    v["answers"].each do |a|
      body = a["body_fixture"] ? File.read(File.join(ROOT, "tests/fixtures/official-sdks", a["body_fixture"])) : a["body"]
      Sandbox.admin("post", "faults", { kind: "answer", count: 1, status: a["status"], headers: a["headers"], body: body })
    end
    got = begin
      ["result", neutral(call(self.class.client_for(kind), v["operation"], v["args"]))]
    rescue PowerpackError::Validation, PowerpackError::Authentication, PowerpackError::Forbidden,
           PowerpackError::NotFound, PowerpackError::InvalidRequest, PowerpackError::RateLimited,
           PowerpackError::Server, PowerpackError::Timeout, PowerpackError::Network, PowerpackError::Decode,
           PowerpackError::Tls, PowerpackError::Internal => e
      ["error", error_fields(e)]
    end
    expect = v["expect"]
    every = VECTOR_FILES[kind]["every_request"]
    journal = Sandbox.journal
    assert_equal expect["attempts"], journal.length, "attempts"
    (expect["requests"] || []).each_with_index do |want, i|
      seen = journal[i]
      assert_equal [want["method"], every["path_prefix"] + want["path"], want["query"], want["body"]],
                   [seen["method"], seen["path"], seen["query"], seen["body"].empty? ? nil : seen["body"]], "request #{i}"
      headers = seen["headers"].to_h
      want["headers"].merge(every["headers"]).each { |name, value| assert_equal value, headers[name], name }
      assert_match Regexp.new(every["user_agent_pattern"]), headers["user-agent"]
    end
    if expect.key?("result")
      assert_equal ["result", expect["result"]], got
    else
      assert_equal "error", got[0], got.inspect
      assert_equal expect["error"], got[1].slice(*expect["error"].keys)
    end
  end

  KINDS.each do |kind|
    VECTOR_FILES[kind]["vectors"].each_with_index do |v, i|
      define_method("test_#{kind}_#{format('%03d', i)}_#{v['name'].gsub(/[^a-z0-9]+/i, '_')}") do
        VECTOR_COUNTS["failed"] += 1
        check(kind, v)
        VECTOR_COUNTS["failed"] -= 1
        VECTOR_COUNTS["passed"] += 1
      end
    end
  end
end
