using ChatCrm.Core.Access;
using ChatCrm.Core.Approvals;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.RecycleBin;

/// <summary>What a restore brought back.</summary>
public sealed record LeadsRestored(IReadOnlyList<string> Numbers);

/// <summary>
/// <c>/admin restore L-… [L-…]</c> or <c>/admin restore A-…</c>: an admin brings deleted leads back,
/// as they were, in one command and without approval (undoing a delete is never the risk); by an
/// approval's number, every lead that request deleted. Each restore is audited.
/// </summary>
public sealed class RestoreLeads(ICrmStore store, TimeProvider clock)
{
    // Far above any one request's leads; keeps the unit bounded all the same.
    private const int MostAtOnce = 100_000;

    public Task<Result<LeadsRestored>> HandleAsync(Actor actor, IReadOnlyList<string> references, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync<Result<LeadsRestored>>(session =>
        {
            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            if (!Admins.Are(session, actor.User))
            {
                return new NotPermitted("bin.restore", null);
            }

            if (references.Count == 0)
            {
                return new MissingValue("leads");
            }

            var numbers = new List<string>();
            foreach (var reference in references.Select(reference => reference.Trim().ToUpperInvariant()))
            {
                if (LeadNumber.IsLeadNumber(reference))
                {
                    numbers.Add(reference);
                }
                else if (session.Approvals.Find(reference) is not null)
                {
                    numbers.AddRange(session.RecycleBin.DeletedByRequest(reference, MostAtOnce).Select(binned => binned.Lead.Number));
                }
                else
                {
                    return new ApprovalNotFound(reference);
                }
            }

            var missing = numbers.FirstOrDefault(number => session.RecycleBin.Find(number) is null);
            if (missing is not null || numbers.Count == 0)
            {
                return new NotFound("bin", missing ?? references[0]);
            }

            var restored = numbers.Distinct(StringComparer.Ordinal).Where(number => LeadBin.Restore(session, actor, number, now)).ToList();
            return Result<LeadsRestored>.Success(new LeadsRestored(restored));
        }, cancellationToken);
    }
}
