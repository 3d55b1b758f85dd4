using ChatCrm.Core.Access;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Partners;

/// <summary>
/// "Read contract status" for a partner: a lead's stage, amount, currency, won/lost and last
/// update, for a lead the partner user's rights reach (<see cref="AccessRights.CanSee"/>). A lead
/// out of reach is answered exactly as one that does not exist.
/// </summary>
public sealed class ReadPartnerLeadStatus(ICrmStore store)
{
    public Task<Result<PartnerLeadStatus>> HandleAsync(User partner, string? number, CancellationToken cancellationToken) =>
        store.ReadAsync<Result<PartnerLeadStatus>>(session =>
        {
            if (!LeadNumber.IsLeadNumber(number) || session.Leads.Find(number!.Trim().ToUpperInvariant()) is not { } lead || !LeadAccess.Of(session, partner).CanSee(lead))
            {
                return new LeadNotFound(number);
            }

            return Result<PartnerLeadStatus>.Success(new PartnerLeadStatus(
                lead.Number, lead.Stage.ToString().ToLowerInvariant(), lead.Amount, lead.Currency, lead.Stage == LeadStage.Won, lead.Stage == LeadStage.Lost, lead.UpdatedAt));
        }, cancellationToken);
}
