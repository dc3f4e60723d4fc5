print('before')
value = 10
try:
    print(value + undefined_variable)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(value + undefined_variable)
