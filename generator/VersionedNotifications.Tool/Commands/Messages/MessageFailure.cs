namespace VersionedNotifications.Tool.Commands.Messages;

/// <summary>Why a captured message does not pass: where in it, and what is wrong there.</summary>
/// <param name="JsonPath">The JSON path of the offending value, such as <c>$.payload['ironic_object.data'].power_state</c>.</param>
/// <param name="Reason">What is wrong, as the reader says it.</param>
internal sealed record MessageFailure(string JsonPath, string Reason)
{
    /// <summary>The line both validate and normalize print: <c>FAIL &lt;file&gt;: &lt;json path&gt;: &lt;reason&gt;</c>.</summary>
    public string ToLine(string file) => $"FAIL {file}: {JsonPath}: {Reason}";
}
