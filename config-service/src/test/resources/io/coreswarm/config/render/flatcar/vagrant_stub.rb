# Stands in for Vagrant so a test can run a rendered Vagrantfile with plain ruby and see what it
# configures: `ruby -r ./vagrant_stub.rb path/to/Vagrantfile` prints the configuration as JSON.
require 'json'

# Any configuration object: records assignments and calls; a call with a block (define, provider)
# records a nested object under its first argument.
class StubSettings
  def initialize
    @values = {}
  end

  def method_missing(name, *args, **options, &block)
    key = name.to_s
    if key.end_with?('=')
      @values[key.chomp('=')] = args.first
    elsif block
      child = StubSettings.new
      block.call(child)
      (@values[key] ||= {})[args.first.to_s] = child
    elsif args.empty? && options.empty?
      @values[key] ||= StubSettings.new
    else
      (@values[key] ||= []) << (options.empty? ? args : args + [options])
    end
  end

  def respond_to_missing?(*)
    true
  end

  def to_plain
    StubSettings.plain(@values)
  end

  def self.plain(value)
    case value
    when StubSettings then value.to_plain
    when Hash then value.to_h { |k, v| [k.to_s, plain(v)] }
    when Array then value.map { |v| plain(v) }
    when Symbol then ":#{value}"
    else value
    end
  end
end

module Vagrant
  def self.require_version(*); end

  def self.configure(_version)
    config = StubSettings.new
    yield config
    puts JSON.generate('default_provider' => ENV['VAGRANT_DEFAULT_PROVIDER'], 'config' => config.to_plain)
  end
end
