for s in ['Ärger über Öl', 'ÉCOLE élève', 'Ωμέγα ΑΛΦΑ', 'ΟΔΟΣ', 'Москва ПРИВЕТ', 'ÿ', 'ĳ Ĳ', 'µ']:
    print(s.lower(), s.upper(), s.swapcase(), s.title(), s.capitalize())
