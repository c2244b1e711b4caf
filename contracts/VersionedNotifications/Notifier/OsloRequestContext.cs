using System;
using System.Collections.Generic;
using System.Text.Json;

namespace VersionedNotifications;

/// <summary>
/// The request context keys oslo.messaging's <c>Notifier</c> passes on to the bus (<c>_sanitize_context</c>, in the
/// order of oslo.context's <c>RequestContext</c>): who and for which project, the request ids, the roles. Everything
/// else a context holds (<c>auth_token</c>, service catalogs, anything an application added) stays out of
/// notifications, because they go to a bus other services read.
/// </summary>
internal static class OsloRequestContext
{
    private static readonly HashSet<string> SafeKeys = new(StringComparer.Ordinal)
    {
        "user_id", "project_id", "domain_id", "user_domain_id", "project_domain_id", "is_admin", "request_id", "roles",
        "user_name", "project_name", "domain_name", "user_domain_name", "project_domain_name",
        "service_user_id", "service_user_domain_id", "service_user_domain_name", "service_project_id",
        "service_project_name", "service_project_domain_id", "service_project_domain_name", "service_roles",
        "global_request_id", "system_scope",
        // Renamed in oslo.context, and still seen in notifications.
        "user", "domain", "user_domain", "project_domain",
    };

    /// <summary><paramref name="context"/> without the keys oslo leaves out; the same instance when it has none of them.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Safe(IReadOnlyDictionary<string, JsonElement> context)
    {
        var safe = true;
        foreach (var key in context.Keys)
        {
            safe &= SafeKeys.Contains(key);
        }

        if (safe)
        {
            return context;
        }

        var kept = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var pair in context)
        {
            if (SafeKeys.Contains(pair.Key))
            {
                kept.Add(pair.Key, pair.Value);
            }
        }

        return kept;
    }
}
