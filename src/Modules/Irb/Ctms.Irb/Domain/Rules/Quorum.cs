namespace Ctms.Irb.Domain.Rules;

/// <summary>
/// A convened meeting needs a majority of the IRB's voting members present (45 CFR 46.108(b)), and a
/// motion carries with a majority of those present.
/// </summary>
internal static class Quorum
{
    public static bool IsMet(int votingMembers, int present) => votingMembers > 0 && present * 2 > votingMembers;

    public static bool Carries(int present, int votesFor) => present > 0 && votesFor * 2 > present;
}
