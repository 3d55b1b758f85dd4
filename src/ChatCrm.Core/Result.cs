namespace ChatCrm.Core;

/// <summary>The outcome of a use case: a value, or an expected failure a person can be told about.</summary>
public sealed record Result<T>
{
    private Result(T? value, CrmError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public CrmError? Error { get; }

    public bool IsSuccess => Error is null;

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(CrmError error) => new(default, error);

    public static implicit operator Result<T>(CrmError error) => Failure(error);
}
