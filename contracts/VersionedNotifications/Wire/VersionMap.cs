using System;
using System.Collections.Generic;

namespace VersionedNotifications.Wire;

/// <summary>
/// Which version of a contained (or base) object each version of its container carries, as oslo.versionedobjects'
/// <c>obj_relationships</c> says it: a list of steps, each "from this container version on, that child version".
/// Generated converters use it to backport what an object contains along with the object.
/// </summary>
public sealed class VersionMap
{
    private readonly PayloadVersion[] _from;
    private readonly PayloadVersion[] _child;

    /// <summary>Creates the map from its steps, oldest container version first.</summary>
    /// <param name="steps">Pairs of <c>major.minor</c> texts: the container version where a step starts, and the child version from there on.</param>
    /// <exception cref="ArgumentException">A version is malformed, or the steps are not in ascending order.</exception>
    public VersionMap(params (string From, string Child)[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _from = new PayloadVersion[steps.Length];
        _child = new PayloadVersion[steps.Length];
        for (var i = 0; i < steps.Length; i++)
        {
            _from[i] = PayloadVersion.Parse(steps[i].From);
            _child[i] = PayloadVersion.Parse(steps[i].Child);
            if (i > 0 && _from[i] <= _from[i - 1])
            {
                throw new ArgumentException($"The steps of a version map must ascend: {_from[i]} follows {_from[i - 1]}.", nameof(steps));
            }
        }
    }

    /// <summary>The steps, oldest first.</summary>
    public IReadOnlyList<(PayloadVersion From, PayloadVersion Child)> Steps
    {
        get
        {
            var steps = new (PayloadVersion, PayloadVersion)[_from.Length];
            for (var i = 0; i < steps.Length; i++)
            {
                steps[i] = (_from[i], _child[i]);
            }

            return steps;
        }
    }

    /// <summary>The child version that container version <paramref name="container"/> carries, or null when the map starts later.</summary>
    public PayloadVersion? ChildAt(PayloadVersion container)
    {
        PayloadVersion? child = null;
        for (var i = 0; i < _from.Length && _from[i] <= container; i++)
        {
            child = _child[i];
        }

        return child;
    }
}
