# frozen_string_literal: true

# The installed gem against the sandbox: the seed's flow, exact requests (false sent as false),
# validation before any I/O, each error class from faults, threads sharing one client, and the
# token in no inspect or message.
require "sandbox_helper"

class PowerpackTest < Minitest::Test
  def setup
    Sandbox.reset
    @client = PlivoPowerpack::Client.new(AUTH_ID, AUTH_TOKEN, base_url: Sandbox::URL, max_attempts: 3)
  end

  def bodies(method = "POST") = Sandbox.journal.select { |e| e["method"] == method }.map { |e| JSON.parse(e["body"]) }

  def test_the_gem_is_the_installed_one
    path = $LOADED_FEATURES.find { |f| f.end_with?("/plivo_powerpack.rb") }
    assert_includes path, "target/ruby-gems/gems/plivo_powerpack-#{ENV.fetch("PLIVO_POWERPACK_VERSION")}-x86_64-linux/lib"
  end

  def test_the_seeds_flow_get_then_update
    created = @client.create_powerpack("powerpack_name_0")
    powerpack = @client.get_powerpack(created.uuid)
    updated = @client.update_powerpack(powerpack.uuid, name: "powerpack_name", sticky_sender: false, local_connect: false)
    assert_equal ["powerpack_name", false, false], [updated.name, updated.sticky_sender, updated.local_connect]
    assert_equal created.number_pool_uuid, updated.number_pool_uuid
    assert_kind_of Time, updated.created_on
    entry = Sandbox.journal.last
    assert_equal ["POST", Sandbox.path(created.uuid)], [entry["method"], entry["path"]]
    headers = entry["headers"].to_h
    assert_equal "application/json", headers["content-type"]
    assert_equal "Basic #{AUTH_ID}:***", headers["authorization"]
    assert_match %r{\Aplivo-powerpack/.* ruby/3\.}, headers["user-agent"]
    assert_equal({ "name" => "powerpack_name", "sticky_sender" => false, "local_connect" => false }, JSON.parse(entry["body"]))
  end

  def test_false_is_sent_as_false_and_unset_keywords_are_not_sent
    uuid = @client.create_powerpack("pp").uuid
    @client.update_powerpack(uuid, sticky_sender: false)
    @client.update_powerpack(uuid, application: PlivoPowerpack::Application::XML.new(app_id: "20342783288007824"))
    detached = @client.update_powerpack(uuid, application: PlivoPowerpack::Application::DETACH.new)
    assert_equal [{ "sticky_sender" => false },
                  { "application_type" => "xml", "application_id" => "20342783288007824" },
                  { "application_id" => "none" }], bodies[1..]
    assert_nil detached.application_id
  end

  def test_list_all_pages_and_delete_with_unrent_numbers_false_by_default
    uuids = (0...23).map { |i| @client.create_powerpack(format("pp-%02d", i)).uuid }
    page = @client.list_powerpacks(limit: 5, offset: 20)
    assert_equal [23, 3], [page.meta.total_count, page.powerpacks.length]
    assert_equal 23, @client.list_all_powerpacks.length
    assert_equal "success", @client.delete_powerpack(uuids[0]).response
    assert_equal [{ "unrent_numbers" => false }], bodies("DELETE")
    assert_raises(PlivoPowerpack::PowerpackError::NotFound) { @client.get_powerpack(uuids[0]) }
  end

  def test_invalid_input_is_refused_before_any_request
    cases = {
      "update" => -> { @client.update_powerpack("uuid") },
      "uuid" => -> { @client.get_powerpack("a/b") },
      "name" => -> { @client.create_powerpack(" ") },
      "limit" => -> { @client.list_powerpacks(limit: 21) },
      "application.phlo_id" => -> { @client.update_powerpack("u", application: PlivoPowerpack::Application::PHLO.new(phlo_id: "x")) },
    }
    cases.each do |field, call|
      error = assert_raises(PlivoPowerpack::PowerpackError::Validation) { call.() }
      assert_equal field, error.field
    end
    assert_empty Sandbox.journal
    bad = assert_raises(PlivoPowerpack::PowerpackError::Validation) { PlivoPowerpack::Client.new("MA1", AUTH_TOKEN) }
    assert_equal "auth_id", bad.field
  end

  def test_each_error_class_from_its_fault
    uuid = @client.create_powerpack("taken").uuid
    dup = assert_raises(PlivoPowerpack::PowerpackError::InvalidRequest) { @client.create_powerpack("taken") }
    assert_equal [400, 'a Powerpack named "taken" already exists'], [dup.status, dup.reason]
    refute_nil dup.api_id
    wrong = PlivoPowerpack::Client.new(AUTH_ID, "wrong-token", base_url: Sandbox::URL)
    auth = assert_raises(PlivoPowerpack::PowerpackError::Authentication) { wrong.get_powerpack(uuid) }
    assert_equal [401, nil], [auth.status, auth.api_id]
    Sandbox.fault("status", "GET", Sandbox.path(uuid), count: 3, status: 503)
    server = assert_raises(PlivoPowerpack::PowerpackError::Server) { @client.get_powerpack(uuid) }
    assert_equal 503, server.status
    Sandbox.fault("status", "GET", Sandbox.path(uuid), count: 3, status: 429, retry_after_secs: 0)
    assert_raises(PlivoPowerpack::PowerpackError::RateLimited) { @client.get_powerpack(uuid) }
    Sandbox.fault("malformed_json", "GET", Sandbox.path(uuid))
    assert_raises(PlivoPowerpack::PowerpackError::Decode) { @client.get_powerpack(uuid) }
    Sandbox.fault("hang", "GET", Sandbox.path(uuid), ms: 5000)
    quick = PlivoPowerpack::Client.new(AUTH_ID, AUTH_TOKEN, base_url: Sandbox::URL, attempt_timeout: 0.2, max_attempts: 1)
    assert_raises(PlivoPowerpack::PowerpackError::Timeout) { quick.get_powerpack(uuid) }
    assert_equal [503, 503, 503], Sandbox.journal.select { |e| e["fault"] == "status" }.first(3).map { |e| e["status"] }
  end

  def test_threads_share_one_client
    uuid = @client.create_powerpack("shared").uuid
    threads = (0...8).map { |t| Thread.new { 10.times { |i| @client.update_powerpack(uuid, name: "t#{t}-#{i}") } } }
    threads.each(&:join)
    updates = Sandbox.journal.select { |e| e["method"] == "POST" && e["path"] == Sandbox.path(uuid) }
    assert_equal 80, updates.length
    assert(updates.all? { |e| e["status"] == 200 })
  end

  def test_the_token_is_in_no_inspect_or_message
    secret = "tok-very-secret-ruby"
    client = PlivoPowerpack::Client.new(AUTH_ID, secret, base_url: Sandbox::URL)
    Sandbox.fault("echo_credentials", "GET", Sandbox.path("x"), status: 400)
    error = assert_raises(PlivoPowerpack::PowerpackError::InvalidRequest) { client.get_powerpack("x") }
    assert_equal "bad credentials #{AUTH_ID}:*** (Authorization: Basic ***)", error.reason
    text = [client.inspect, client.to_s, error.inspect, error.message, error.to_s, error.body_excerpt].join(" ")
    refute_includes text, secret
    assert_includes client.inspect, "***"
  end

  def test_the_number_pool
    owner = @client.create_powerpack("pool owner")
    pool = @client.number_pool(owner)
    assert_equal owner.number_pool_uuid, pool.uuid
    added = pool.buy_and_add_number("14155550100", nil)
    assert_equal ["14155550100", "fixed"], [added.number, added.number_type]
    assert_equal({ "rent" => true }, bodies.last)
    assert_equal ["14155550100"], pool.list_all_numbers(PlivoPowerpack::NumberFilter.new(country_iso2: "US")).map(&:number)
    assert_equal "success", pool.remove_number("14155550100", false).response
    assert_equal [{ "unrent" => false }], bodies("DELETE")
  end
end
