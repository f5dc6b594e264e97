#!/usr/bin/env bash
# Error queues: see them, and replay their messages after the fault is fixed.
#
# A message a consumer cannot process is retried in place (MassTransit retry policy, see
# services/ServiceDefaults/Bus/BusExtensions.cs) and then moved to that consumer's error queue
# "<queue>_error": it is never acked and dropped. Fix the cause first, then move it back.
#
# Usage: scripts/replay-errors.sh list [VHOST]
#            error queues holding messages, with their counts (RabbitMQ managed by scripts/servers.sh;
#            on an operators' cluster: rabbitmqctl list_queues -p VHOST name messages | grep _error)
#        scripts/replay-errors.sh QUEUE --by OPERATOR [--reason TEXT] [--skipped] [--uri AMQP_URI]
#            moves the messages that are in QUEUE_error now back to QUEUE (e.g. uitkeren-wia-claim-decision);
#            with --skipped, those in QUEUE_skipped (messages of a type the consumer did not know, e.g. an older build)
#
# The messages may hold personal data, so a replay is an administrative action in the audit log: before it moves
# anything, the mover publishes an audit record (who: --by, or UWV_OPERATOR; which queue; how many messages; the
# reason) to the audit exchange and waits for the broker to confirm it. Without an operator name, or when the audit
# record is not accepted (for example no audit store is bound to the exchange), nothing is moved.
#
# The move takes each message once, with publisher confirms, and acks it in the error queue only after the
# broker accepted it in QUEUE: a crash in between leaves a copy in both, which the consumer absorbs (same
# MessageId). A message that fails again lands in the error queue again; it is not looped. MassTransit's
# fault headers (MT-Fault-*, MT-Reason) are removed; one line per message shows its id and the exception
# type of its failure, never its body (it may hold personal data).
#
# Environment: UWV_RABBITMQ (default amqp://guest:guest@127.0.0.1:5672/) when --uri is not given.
# Needs the .NET SDK: the mover is a small C# program run with `dotnet run` (built on first use, then cached
# under ${XDG_CACHE_HOME:-$HOME/.cache}/uwv-replay-errors).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'; }

list_errors() {
  local vhost="${1:-/}"
  bash "$REPO/scripts/servers.sh" rabbitmqctl list_queues -q --no-table-headers -p "$vhost" name messages \
    | awk -F'\t' '$1 ~ /_error$/ && $2 > 0 { printf "%s\t%s\n", $1, $2; n++ } END { if (n == 0) print "no messages in error queues" }'
}

mover_source() {
  cat <<'CSHARP'
#:package RabbitMQ.Client@7.2.2
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

if (args.Length != 5)
{
    Console.Error.WriteLine("usage: replay-errors QUEUE SUFFIX AMQP_URI OPERATOR REASON");
    return 2;
}
var (queue, parked, uri, by, reason) = (args[0], args[0] + args[1], args[2], args[3], args[4]);
var factory = new ConnectionFactory { Uri = new Uri(uri), ClientProvidedName = "replay-errors" };
await using var connection = await factory.CreateConnectionAsync();
var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
await using var channel = await connection.CreateChannelAsync(options);
uint waiting;
try
{
    await channel.QueueDeclarePassiveAsync(queue);
    waiting = (await channel.QueueDeclarePassiveAsync(parked)).MessageCount;
}
catch (OperationInterruptedException ex)
{
    Console.Error.WriteLine($"replay-errors: {ex.ShutdownReason?.ReplyText ?? ex.Message}");
    return 1;
}
if (waiting == 0)
{
    Console.WriteLine($"replay-errors: no messages in {parked}; nothing moved");
    return 0;
}
try
{
    await AuditAsync(channel, by, $"{waiting} messages from {parked} to {queue}; reason: {reason}");
}
catch (Exception ex) when (ex is OperationInterruptedException or PublishException)
{
    var why = ex is OperationInterruptedException interrupted ? interrupted.ShutdownReason?.ReplyText ?? ex.Message : "the broker did not confirm it";
    Console.Error.WriteLine($"replay-errors: the audit record was not accepted ({why}); nothing moved");
    return 1;
}
Console.WriteLine($"replay-errors: audited as {by}");
var moved = 0;
for (var i = 0; i < waiting; i++)
{
    var message = await channel.BasicGetAsync(parked, autoAck: false);
    if (message is null)
    {
        break;
    }
    var properties = new BasicProperties(message.BasicProperties);
    var failure = Header(properties.Headers, "MT-Fault-ExceptionType");
    properties.Headers = properties.Headers?
        .Where(h => !h.Key.StartsWith("MT-Fault-", StringComparison.Ordinal) && h.Key != "MT-Reason")
        .ToDictionary(h => h.Key, h => h.Value);
    try
    {
        await channel.BasicPublishAsync("", queue, mandatory: true, properties, message.Body);
    }
    catch
    {
        await channel.BasicNackAsync(message.DeliveryTag, multiple: false, requeue: true);
        throw;
    }
    await channel.BasicAckAsync(message.DeliveryTag, multiple: false);
    moved++;
    Console.WriteLine($"moved message {properties.MessageId} (failed with {failure}) to {queue}");
}
Console.WriteLine($"replay-errors: moved {moved} of {waiting} messages from {parked} to {queue}");
return 0;

static string Header(IDictionary<string, object?>? headers, string name) =>
    headers is not null && headers.TryGetValue(name, out var value)
        ? value is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : value?.ToString() ?? ""
        : "unknown";

// One PersonalDataAccessedBatch in MassTransit's JSON envelope, published to its message-type exchange, where the
// audit store's consumer is bound. Mandatory and confirmed: unrouted or refused means the replay does not happen.
static async Task AuditAsync(IChannel channel, string by, string purpose)
{
    const string MessageType = "Uwv.Contracts.Events:PersonalDataAccessedBatch";
    await channel.ExchangeDeclarePassiveAsync(MessageType);
    var messageId = Guid.NewGuid();
    var now = DateTimeOffset.UtcNow;
    // Written field by field: a file-based program is trimmed, so reflection-based serialization is off.
    using var buffer = new MemoryStream();
    using (var json = new Utf8JsonWriter(buffer))
    {
        json.WriteStartObject();
        json.WriteString("messageId", messageId);
        json.WriteStartArray("messageType");
        json.WriteStringValue("urn:message:" + MessageType);
        json.WriteEndArray();
        json.WriteString("sentTime", now);
        json.WriteStartObject("message");
        json.WriteStartArray("records");
        json.WriteStartObject();
        json.WriteString("auditId", Guid.NewGuid());
        json.WriteString("at", now);
        json.WriteString("subject", by);
        json.WriteString("role", "operator");
        json.WriteString("team", "");
        json.WriteNull("clientId");
        json.WriteString("service", "replay-errors");
        json.WriteString("method", "ReplayErrorQueue");
        json.WriteString("fields", "error-queue-replay");
        json.WriteString("purpose", purpose.Length > 500 ? purpose[..500] : purpose);
        json.WriteString("outcome", "allowed");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }
    var body = buffer.ToArray();
    var properties = new BasicProperties
    {
        MessageId = messageId.ToString(),
        ContentType = "application/vnd.masstransit+json",
        DeliveryMode = DeliveryModes.Persistent,
    };
    await channel.BasicPublishAsync(MessageType, "", mandatory: true, properties, body);
}
CSHARP
}

replay() {
  local queue=$1 suffix=$2 uri=$3 by=$4 reason=$5 dir file
  dir="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/uwv-replay-errors"
  file="$dir/replay-errors.cs"
  mkdir -p "$dir"
  # Rewritten only when it changed, so the built program stays cached.
  if ! mover_source | cmp -s - "$file"; then
    mover_source >"$file"
  fi
  cd "$dir"
  DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet run replay-errors.cs -- "$queue" "$suffix" "$uri" "$by" "$reason"
}

main() {
  case "${1:-}" in
    ""|-h|--help|help) usage; return ;;
    list) shift; list_errors "$@"; return ;;
  esac
  local queue=$1 suffix=_error uri="${UWV_RABBITMQ:-amqp://guest:guest@127.0.0.1:5672/}" by="${UWV_OPERATOR:-}" reason="not given"
  shift
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --uri) uri="${2:?--uri needs a value}"; shift 2 ;;
      --by) by="${2:?--by needs a value}"; shift 2 ;;
      --reason) reason="${2:?--reason needs a value}"; shift 2 ;;
      --skipped) suffix=_skipped; shift ;;
      *) usage >&2; exit 2 ;;
    esac
  done
  [[ $queue != *_error && $queue != *_skipped ]] || { echo "replay-errors.sh: name the consumer's queue, not its error or skipped queue" >&2; exit 2; }
  [[ -n ${by// /} ]] || { echo "replay-errors.sh: a replay is audited: name yourself with --by OPERATOR (or UWV_OPERATOR)" >&2; exit 2; }
  replay "$queue" "$suffix" "$uri" "$by" "$reason"
}

main "$@"
