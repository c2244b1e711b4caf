namespace VersionedNotifications.Tool.Commands.Transports;

/// <summary>Which transport a URL on the command line is for: oslo's <c>amqp://</c> (AMQP 1.0) or RabbitMQ's <c>rabbit://</c>.</summary>
internal static class TransportSchemes
{
    /// <summary>The URLs listen and send take, as their --url help says it.</summary>
    public const string Help = "The transport URL: rabbit://user:pass@host:5672/vhost (RabbitMQ, as oslo's rabbit driver) or amqp://user:pass@host:5672/ (AMQP 1.0, as oslo's amqp1 driver).";

    // rabbit:// and its alias kombu:// go to RabbitMQ, amqp:// to AMQP 1.0, as oslo.messaging chooses its driver.
    private static readonly string[] Known = ["rabbit", "kombu", "amqp"];

    /// <summary>Whether <paramref name="url"/> names oslo's AMQP 1.0 transport; anything else is left to the RabbitMQ transport, which says what is wrong with it.</summary>
    public static bool IsAmqp10(string url) => string.Equals(SchemeOf(url), "amqp", StringComparison.OrdinalIgnoreCase);

    /// <summary>Refuses a URL whose scheme neither transport takes, naming both.</summary>
    /// <exception cref="UsageException">The scheme is not rabbit, kombu or amqp.</exception>
    public static void ThrowIfUnknown(string url)
    {
        if (SchemeOf(url) is { } scheme && !Known.Contains(scheme, StringComparer.OrdinalIgnoreCase))
        {
            throw new UsageException($"--url: the scheme '{scheme}' is neither rabbit:// (RabbitMQ) nor amqp:// (AMQP 1.0)");
        }
    }

    /// <summary>An options error (<c>TransportUrl: ...</c>) under the command-line option it came from.</summary>
    public static string ToOptionName(string error) => error switch
    {
        _ when error.StartsWith("TransportUrl:", StringComparison.Ordinal) => "--url:" + error["TransportUrl:".Length..],
        _ when error.StartsWith("ControlExchange:", StringComparison.Ordinal) => "--exchange:" + error["ControlExchange:".Length..],
        _ when error.StartsWith("Topics", StringComparison.Ordinal) => "--topic" + error[error.IndexOf(':')..],
        _ when error.StartsWith("Pool", StringComparison.Ordinal) => "--pool" + error[error.IndexOf(':')..],
        _ => error,
    };

    /// <summary>The scheme before <c>://</c>; <see langword="null"/> when there is none (the transport's parser says what is wrong).</summary>
    private static string? SchemeOf(string url)
    {
        var end = url.IndexOf("://", StringComparison.Ordinal);
        return end < 0 ? null : url[..end].Trim();
    }
}
