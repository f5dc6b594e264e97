using System.Reflection;
using MassTransit;

namespace Uwv.IntegrationTests.Bus;

/// <summary>
/// A consume context that carries a message, its id and a cancellation token, for calling a consumer directly. Any
/// other member throws, so a consumer that starts to use one shows up at once.
/// </summary>
public class ConsumeContextDouble<T> : DispatchProxy where T : class
{
    private T _message = null!;
    private Guid _messageId;
    private CancellationToken _cancellation;

    public static ConsumeContext<T> Of(T message, CancellationToken cancellation = default)
    {
        var context = Create<ConsumeContext<T>, ConsumeContextDouble<T>>();
        var self = (ConsumeContextDouble<T>)(object)context;
        (self._message, self._messageId, self._cancellation) = (message, Guid.NewGuid(), cancellation);
        return context;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
    {
        "get_Message" => _message,
        "get_MessageId" => (Guid?)_messageId,
        "get_CancellationToken" => _cancellation,
        _ => throw new NotSupportedException($"{targetMethod?.DeclaringType?.Name}.{targetMethod?.Name} is not part of the double"),
    };
}
