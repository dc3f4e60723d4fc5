s = 'Hello World, hELLO pYTHON 3.11!'
print(s.lower()); print(s.upper()); print(s.swapcase()); print(s.title()); print(s.capitalize()); print(s.casefold())
print('ß straße'.upper(), 'ß'.casefold(), 'ßa'.title(), 'ßa'.capitalize())
print("they're bill's friends".title())
